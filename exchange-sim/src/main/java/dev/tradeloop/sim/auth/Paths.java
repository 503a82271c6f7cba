package dev.tradeloop.sim.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A request path as the router will see it, for deciding which rules apply: percent-decoded, dot
 * segments resolved and repeated slashes collapsed, so {@code /trade-api//v2/%70ortfolio} is
 * {@code /trade-api/v2/portfolio}.
 */
final class Paths {

    private Paths() {
    }

    static String normalised(String rawPath) {
        String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        String collapsed = decoded.replaceAll("/{2,}", "/");
        try {
            String normal = new URI(null, null, collapsed, null).normalize().getPath();
            return normal.isEmpty() ? "/" : normal;
        } catch (java.net.URISyntaxException e) {
            return collapsed;
        }
    }

    /** True if {@code path} is {@code prefix} or lies below it. */
    static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
