// Operations dashboard: reads the kpi-service API with the caller's bearer token and redraws on
// every server-sent summary. The token comes from the form or the ?token= parameter.
(function () {
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const FIELDS = ['endingAR', 'endingCurrentAR', 'creditSales', 'beginningAR', 'unappliedCash',
    'dsoStandard', 'dsoCountback', 'bestPossibleDso', 'averageDaysDelinquent', 'cei'];
  const BUCKETS = ['current', '1-30', '31-60', '61-90', '91+'];
  const COLORS = ['#4c9f70', '#e3b23c', '#e07a3f', '#c8553d', '#7d2e3a'];
  let streamAbort = null;

  for (const name of ['token', 'entity', 'customer', 'currency', 'month']) {
    if (params.get(name)) { $(name).value = params.get(name); }
  }
  if (!$('month').value) { $('month').value = new Date().toISOString().slice(0, 7); }

  function scopeQuery(extra) {
    const query = new URLSearchParams(extra || {});
    for (const name of ['entity', 'customer', 'currency']) {
      if ($(name).value.trim()) { query.set(name, $(name).value.trim()); }
    }
    return query;
  }

  async function api(path, query) {
    const response = await fetch(path + '?' + query, { headers: { Authorization: 'Bearer ' + $('token').value } });
    const body = await response.json();
    if (!response.ok) { throw new Error(body.detail || response.statusText); }
    return body;
  }

  function months(last, count) {
    const [year, month] = last.split('-').map(Number);
    const list = [];
    for (let i = count - 1; i >= 0; i--) {
      const d = new Date(Date.UTC(year, month - 1 - i, 1));
      list.push(d.toISOString().slice(0, 7));
    }
    return list;
  }

  function showFigures(report) {
    $('shown-month').textContent = report.from.slice(0, 7);
    $('shown-currency').textContent = report.currency || '';
    for (const field of FIELDS) { $('fig-' + field).textContent = report[field] === null ? '—' : report[field]; }
    $('undefined-reasons').textContent = Object.entries(report.undefined || {})
      .map(([name, reason]) => name + ': ' + reason).join('; ');
  }

  function svg(tag, attributes, text) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attributes)) { element.setAttribute(key, value); }
    if (text !== undefined) { element.textContent = text; }
    return element;
  }

  function axis(chart, labels, height) {
    labels.forEach((label, i) => chart.appendChild(svg('text',
      { x: 40 + i * 50, y: height - 4, 'font-size': 10 }, label.slice(2))));
  }

  function lineChart(chart, labels, series) {
    chart.replaceChildren();
    const values = series.flatMap((s) => s.values).filter((v) => v !== null);
    const max = Math.max(1, ...values), min = Math.min(0, ...values);
    const y = (v) => 190 - ((v - min) / (max - min)) * 170;
    series.forEach((s, n) => {
      const points = s.values.map((v, i) => v === null ? null : (50 + i * 50) + ',' + y(v)).filter(Boolean);
      chart.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: COLORS[n], 'stroke-width': 2,
        'data-series': s.name }));
      chart.appendChild(svg('text', { x: 10 + n * 150, y: 12, 'font-size': 11, fill: COLORS[n] }, s.name));
    });
    axis(chart, labels, 220);
  }

  function barChart(chart, labels, values) {
    chart.replaceChildren();
    const max = Math.max(100, ...values.filter((v) => v !== null));
    values.forEach((v, i) => {
      if (v === null) { return; }
      const h = (Math.max(v, 0) / max) * 180;
      chart.appendChild(svg('rect', { x: 40 + i * 50, y: 200 - h, width: 30, height: h, fill: '#3d7cc9',
        'data-month': labels[i], 'data-value': v }));
    });
    axis(chart, labels, 220);
  }

  function stackedBars(chart, labels, agings) {
    chart.replaceChildren();
    const totals = agings.map((a) => BUCKETS.reduce((sum, b) => sum + Math.max(0, Number(a[b])), 0));
    const max = Math.max(1, ...totals);
    agings.forEach((aging, i) => {
      let top = 210;
      BUCKETS.forEach((bucket, n) => {
        const h = (Math.max(0, Number(aging[bucket])) / max) * 190;
        top -= h;
        chart.appendChild(svg('rect', { x: 40 + i * 50, y: top, width: 30, height: h, fill: COLORS[n],
          'data-bucket': bucket, 'data-month': labels[i], 'data-value': aging[bucket] }));
      });
    });
    BUCKETS.forEach((bucket, n) => chart.appendChild(svg('text',
      { x: 10 + n * 70, y: 12, 'font-size': 11, fill: COLORS[n] }, bucket)));
    axis(chart, labels, 240);
  }

  async function showOverdue(month) {
    const [year, m] = month.split('-').map(Number);
    const asOf = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    const aging = await api('/kpis/aging', scopeQuery({ asOf, invoices: 'true' }));
    const byCustomer = new Map();
    for (const invoice of aging.invoices) {
      if (invoice.daysPastDue === null || invoice.daysPastDue <= 0) { continue; }
      const key = invoice.legalEntity + '/' + invoice.customerId;
      byCustomer.set(key, (byCustomer.get(key) || 0) + Number(invoice.openAmount));
    }
    const rows = [...byCustomer.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    $('overdue').tBodies[0].replaceChildren(...rows.map(([key, amount]) => {
      const row = document.createElement('tr');
      const [entity, customer] = key.split('/');
      for (const text of [entity, customer, amount.toFixed(2)]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.appendChild(cell);
      }
      return row;
    }));
  }

  async function refresh() {
    const month = $('month').value;
    const labels = months(month, 12);
    const reports = await Promise.all(labels.map((m) => api('/kpis/month/' + m, scopeQuery())));
    showFigures(reports[reports.length - 1]);
    const value = (r, f) => r[f] === null ? null : Number(r[f]);
    lineChart($('dso-chart'), labels, ['dsoStandard', 'dsoCountback', 'bestPossibleDso', 'averageDaysDelinquent']
      .map((f) => ({ name: f, values: reports.map((r) => value(r, f)) })));
    barChart($('cei-chart'), labels, reports.map((r) => value(r, 'cei')));
    stackedBars($('aging-chart'), labels, reports.map((r) => r.aging));
    await showOverdue(month);
    $('status').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  // EventSource cannot send a bearer token, so the stream is read with fetch.
  async function listen() {
    if (streamAbort) { streamAbort.abort(); }
    streamAbort = new AbortController();
    const query = scopeQuery({ month: $('month').value });
    const response = await fetch('/kpis/stream?' + query, { signal: streamAbort.signal,
      headers: { Authorization: 'Bearer ' + $('token').value, Accept: 'text/event-stream' } });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { return; }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
        if (data) {
          showFigures(JSON.parse(data));
          refresh().catch(fail);
        }
      }
    }
  }

  function fail(error) {
    if (error.name !== 'AbortError') { $('status').textContent = 'error: ' + error.message; }
  }

  $('scope').addEventListener('submit', (event) => {
    event.preventDefault();
    refresh().then(listen).catch(fail);
  });
  if ($('token').value) { refresh().then(listen).catch(fail); }
}());
