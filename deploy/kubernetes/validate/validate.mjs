// Validates Kubernetes resources against their schemas: reads a JSON array of resources on stdin,
// prints "valid Kind/name" or "invalid Kind/name: why" for each, and exits 1 if any is invalid or
// of a kind it has no schema for. The schemas are kubernetes-models' (generated from the Kubernetes
// OpenAPI specification) and @kubernetes-models/strimzi-kafka-operator's (from Strimzi's CRDs).
import { readFileSync } from "node:fs";

const modules = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io",
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const base = modules[group] ?? (group === "" ? "kubernetes-models" : `kubernetes-models/${group}`);
  const module = await import(`${base}/${version}/${kind}`);
  return module[kind];
}

const resources = JSON.parse(readFileSync(0, "utf8"));
let failures = 0;
for (const resource of resources) {
  const name = `${resource.kind}/${resource.metadata?.name}`;
  try {
    const Model = await modelOf(resource.apiVersion, resource.kind);
    new Model(resource).validate();
    console.log(`valid ${name}`);
  } catch (error) {
    failures++;
    console.log(`invalid ${name}: ${error.message.split("\n")[0]}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
