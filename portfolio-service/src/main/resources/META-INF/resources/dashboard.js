// The dashboard reads everything it shows from portfolio-service's REST API, and reads it again
// whenever the server-sent events of /live say the projection wrote something: no page reload.
'use strict';

const $ = (selector) => document.querySelector(selector);

async function getJson(path) {
  const answer = await fetch(path, { headers: { Accept: 'application/json' } });
  if (answer.status === 404 || answer.status === 503) return null;
  if (!answer.ok) throw new Error(path + ' answered ' + answer.status);
  return answer.json();
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '–' : text;
  if (className) td.className = className;
  return td;
}

function signClass(amount) {
  if (amount == null) return '';
  return amount.startsWith('-') ? 'down' : (/^0(\.0+)?$/.test(amount) ? '' : 'up');
}

function dollars(amount) {
  if (amount == null) return '–';
  const negative = amount.startsWith('-');
  return (negative ? '-$' : '$') + (negative ? amount.slice(1) : amount);
}

function time(instant) {
  return instant ? new Date(instant).toLocaleTimeString() : '–';
}

function fillRows(tableId, emptyId, items, toCells) {
  const body = $('#' + tableId + ' tbody');
  body.replaceChildren(...items.map((item) => {
    const row = document.createElement('tr');
    row.dataset.positionId = item.positionId;
    row.dataset.status = item.status;
    row.append(...toCells(item));
    return row;
  }));
  $('#' + emptyId).hidden = items.length > 0;
}

async function showPositions() {
  const open = await getJson('/positions?status=OPEN');
  fillRows('open-positions', 'open-empty', open, (p) => [
    cell(p.marketTicker), cell(p.side), cell(p.contracts), cell(dollars(p.costBasis)), cell(p.mark),
    cell(dollars(p.unrealizedPnl), signClass(p.unrealizedPnl)),
    cell(p.pnlPct == null ? null : (Number(p.pnlPct) * 100).toFixed(2) + ' %', signClass(p.pnlPct)),
    cell(p.trailingStop), cell(p.exitPending, 'warn'), cell(p.methodId + ' v' + p.methodVersion),
    cell(time(p.openedAt)),
  ]);
  const closed = (await getJson('/positions?status=CLOSED')).slice(0, 50);
  fillRows('closed-positions', 'closed-empty', closed, (p) => [
    cell(p.marketTicker), cell(p.side), cell(p.entryCount), cell(dollars(p.costBasis)),
    cell(dollars(p.realizedPnl), signClass(p.realizedPnl)), cell(dollars(p.totalFees)), cell(p.exitReason),
    cell(p.status), cell(p.methodId + ' v' + p.methodVersion), cell(time(p.closedAt)),
  ]);
}

async function showPnl() {
  const pnl = await getJson('/pnl');
  const figures = { realized: pnl.realizedPnl, unrealized: pnl.unrealizedPnl, total: pnl.totalPnl };
  for (const [name, amount] of Object.entries(figures)) {
    const element = $('#pnl-' + name);
    element.textContent = dollars(amount);
    element.className = 'figure ' + signClass(amount);
  }
  $('#pnl-fees').textContent = dollars(pnl.fees);
  $('#pnl-counts').textContent = pnl.openPositions + ' / ' + pnl.closedPositions;
  $('#pnl-wins').textContent = pnl.wins + ' / ' + pnl.losses;
  drawChart(await getJson('/pnl/series'));
}

function drawChart(points) {
  const svg = $('#pnl-chart');
  const width = 600, height = 220, pad = 10;
  const values = [0, ...points.map((p) => Number(p.realizedPnl))];
  const low = Math.min(...values), high = Math.max(...values);
  const span = high - low || 1;
  const x = (i) => pad + (i * (width - 2 * pad)) / Math.max(values.length - 1, 1);
  const y = (v) => height - pad - ((v - low) * (height - 2 * pad)) / span;
  const path = values.map((v, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1)).join(' ');
  const last = values[values.length - 1];
  svg.innerHTML =
    '<line x1="0" x2="' + width + '" y1="' + y(0) + '" y2="' + y(0) + '" stroke="#2a323c" stroke-dasharray="4 4"/>' +
    '<path d="' + path + '" fill="none" stroke="' + (last < 0 ? '#f85149' : '#3fb950') + '" stroke-width="2"/>' +
    '<text x="' + (width - pad) + '" y="18" text-anchor="end" fill="#8b96a3" font-size="13">' +
    points.length + ' exits, ' + dollars(last.toFixed(4)) + '</text>';
  svg.dataset.points = String(points.length);
}

async function showLog() {
  const entries = await getJson('/log?limit=100');
  $('#log').replaceChildren(...entries.map((entry) => {
    const item = document.createElement('li');
    item.dataset.kind = entry.kind;
    item.dataset.positionId = entry.positionId || '';
    const at = document.createElement('span');
    at.className = 'at';
    at.textContent = time(entry.at);
    const kind = document.createElement('span');
    kind.className = 'kind ' + ({ REJECTED: 'down', EXIT_FAILED: 'down', ALERT: 'down', EXIT: 'warn' }[entry.kind] || '');
    kind.textContent = entry.kind;
    item.append(at, kind, document.createTextNode((entry.marketTicker || '') + ' ' + entry.text));
    return item;
  }));
}

async function showState() {
  const state = await getJson('/trading-state');
  const mode = $('#mode');
  mode.textContent = state ? state.mode + (state.flattenAll ? ' (flattening)' : '') : 'not published yet';
  mode.className = state ? state.mode : '';
  const breakers = state ? state.breakers : [];
  $('#breakers tbody').replaceChildren(...breakers.map((breaker) => {
    const row = document.createElement('tr');
    row.dataset.breaker = breaker.name;
    const action = document.createElement('td');
    if (breaker.open && breaker.resetMode === 'MANUAL') {
      const reset = document.createElement('button');
      reset.textContent = 'Reset';
      reset.onclick = () => operate('/operator/breakers/' + breaker.name + '/reset', '');
      action.append(reset);
    }
    row.append(cell(breaker.name), cell(breaker.open ? 'OPEN' : 'closed', breaker.open ? 'down' : 'up'),
      cell(breaker.reason || ''), action);
    return row;
  }));
}

async function showReconciliation() {
  const runs = (await getJson('/reconciliation')) || [];
  $('#reconciliation tbody').replaceChildren(...runs.map((run) => {
    const row = document.createElement('tr');
    row.dataset.scope = run.scope;
    const figures = Object.entries(run.figures).map(([name, value]) => name + ' ' + value).join(', ');
    const found = run.failure || (run.findings.length ? run.findings.join('; ') : 'nothing');
    row.append(cell(run.scope), cell(time(run.occurredAt)), cell(figures),
      cell(found, run.failure || run.findings.length ? 'down' : 'up'));
    return row;
  }));
}

async function operate(path, body) {
  const answer = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Operator-Token': $('#operator-token').value,
               'X-Operator': $('#operator-name').value || 'dashboard' },
    body,
  });
  const text = await answer.text();
  $('#operator-answer').textContent = answer.status + ' ' + text;
  refresh();
}

function killSwitch(action) {
  const reason = prompt('Why? (' + action + ')');
  if (reason) operate('/operator/kill-switch', JSON.stringify({ action, reason }));
}

let refreshing = null;
function refresh() {
  if (refreshing) return;
  refreshing = setTimeout(async () => {
    refreshing = null;
    try {
      await Promise.all([showPositions(), showPnl(), showLog(), showState(), showReconciliation()]);
      document.body.dataset.refreshedAt = String(Date.now());
    } catch (error) {
      $('#connection').textContent = 'could not refresh: ' + error.message;
    }
  }, 250);
}

function listen() {
  const source = new EventSource('/live');
  source.onopen = () => { $('#connection').textContent = 'live'; $('#connection').className = 'connection live'; };
  source.onmessage = () => refresh();
  source.onerror = () => { $('#connection').textContent = 'reconnecting…'; $('#connection').className = 'connection'; };
}

async function showExchange() {
  const tradedOn = await getJson('/exchange');
  const badge = $('#exchange');
  badge.textContent = tradedOn ? tradedOn.label : 'exchange not known';
  badge.className = 'exchange ' + (tradedOn ? (tradedOn.realMoney ? 'real-money' : tradedOn.exchange) : '');
}

$('#halt').onclick = () => killSwitch('HALT');
$('#flatten').onclick = () => killSwitch('FLATTEN');
showExchange();
refresh();
listen();
// with several portfolio-service instances, this one's events cover only its partitions: read again now and then
setInterval(refresh, 5000);
