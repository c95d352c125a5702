/**
 * The report widget's script, inlined into the template. It speaks both widget standards with no
 * SDK (the MCP Apps spec shows the bridge is plain JSON-RPC over postMessage, and an SDK bundle
 * would be an external or a 100 KB inline asset):
 *
 * - MCP Apps (SEP-1865, 2026-01-26, https://github.com/modelcontextprotocol/ext-apps/blob/main/specification/2026-01-26/apps.mdx):
 *   `ui/initialize` (theme and style variables from `hostContext`), then
 *   `ui/notifications/initialized`; the data arrives in `ui/notifications/tool-result`; theme
 *   changes in `ui/notifications/host-context-changed`; links open with `ui/open-link`; the size
 *   goes up in `ui/notifications/size-changed`.
 * - Apps SDK (https://developers.openai.com/apps-sdk/reference): `window.openai.toolOutput` (the
 *   structuredContent) and `window.openai.theme`, updated with the `openai:set_globals` event
 *   (as openai/openai-apps-sdk-examples dispatch it); links open with `openExternal`.
 *
 * Everything shown is set as text (never as HTML), and only http(s) links are followed. Plain
 * ES2017, shipped as text.
 */
export const REPORT_SCRIPT = String.raw`(function () {
  'use strict';
  var root = document.documentElement;
  var app = document.getElementById('app');
  var state = { data: null, url: null, note: null, error: null };
  var nextId = 1;
  var pending = {};
  var MAX_FIXES = 25;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function pill(kind, text) { return el('span', 'pill s-' + String(kind).replace(/[^a-z-]/g, ''), text || kind); }

  function post(message) {
    try { window.parent.postMessage(message, '*'); } catch (e) {}
  }
  function request(method, params) {
    var id = nextId++;
    post({ jsonrpc: '2.0', id: id, method: method, params: params });
    return new Promise(function (resolve, reject) { pending[id] = { resolve: resolve, reject: reject }; });
  }
  function notify(method, params) { post({ jsonrpc: '2.0', method: method, params: params }); }

  function applyTheme(theme) {
    if (theme !== 'light' && theme !== 'dark') return;
    root.setAttribute('data-theme', theme);
  }
  function applyStyles(styles) {
    var variables = styles && styles.variables;
    if (!variables || typeof variables !== 'object') return;
    Object.keys(variables).forEach(function (name) {
      var value = variables[name];
      if (/^--(color|font|border-radius)-[a-z0-9-]+$/.test(name) && typeof value === 'string' && value.length < 300)
        root.style.setProperty(name, value);
    });
  }
  function applyHostContext(context) {
    if (!context || typeof context !== 'object') return;
    applyTheme(context.theme);
    applyStyles(context.styles);
  }

  function isDiagnosis(value) {
    return Boolean(value) && typeof value === 'object' && typeof value.status === 'string' &&
      Array.isArray(value.rows) && Array.isArray(value.failing);
  }
  function acceptResult(result) {
    if (!result || typeof result !== 'object') return;
    if (isDiagnosis(result.structuredContent)) {
      state.data = result.structuredContent;
      state.error = null;
    } else if (result.isError) {
      var first = Array.isArray(result.content) && result.content[0];
      state.error = first && typeof first.text === 'string' ? first.text : 'The diagnosis failed.';
    }
    render();
  }

  function safeUrl(value) {
    return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : null;
  }
  function openLink(url) {
    if (window.openai && typeof window.openai.openExternal === 'function') {
      window.openai.openExternal({ href: url });
      return;
    }
    request('ui/open-link', { url: url }).catch(function () {
      window.open(url, '_blank', 'noopener,noreferrer');
    });
  }
  function link(url, text, className) {
    var safe = safeUrl(url);
    if (!safe) return el('span', className, text);
    var a = el('a', className, text);
    a.href = safe;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.addEventListener('click', function (event) { event.preventDefault(); openLink(safe); });
    return a;
  }

  function renderRows(parent, rows) {
    add(parent, el('h2', null, 'Connection issues'));
    var list = add(parent, el('ul', 'rows'));
    rows.forEach(function (row) {
      var item = add(list, el('li'));
      item.setAttribute('data-row', String(row.id));
      item.setAttribute('data-status', String(row.status));
      add(item, pill(row.status));
      var body = add(item, el('div', 'body'));
      add(body, el('strong', null, row.title));
      add(body, el('p', null, row.summary));
      if (row.fix && row.status !== 'pass')
        add(body, el('p', 'fix', (row.status === 'unverified' ? 'To verify: ' : 'Fix: ') + row.fix));
    });
  }
  function renderClients(parent, clients) {
    add(parent, el('h2', null, 'Clients'));
    var table = add(parent, el('table', 'clients'));
    var head = add(table, el('tr'));
    ['Client', 'Verdict', 'Why'].forEach(function (title) { add(head, el('th', null, title)); });
    clients.forEach(function (client) {
      var tr = add(table, el('tr'));
      tr.setAttribute('data-client', String(client.id));
      add(tr, el('td', null, client.name));
      add(add(tr, el('td')), pill(client.verdict));
      var reason = Array.isArray(client.reasons) && client.reasons[0];
      add(tr, el('td', 'muted', reason ? reason.message : ''));
    });
  }
  function renderFixes(parent, failing) {
    add(parent, el('h2', null, failing.length ? 'What to fix (' + failing.length + ')' : 'What to fix'));
    if (!failing.length) {
      add(parent, el('p', 'muted', 'No check failed.'));
      return;
    }
    var list = add(parent, el('ol', 'fixes'));
    failing.slice(0, MAX_FIXES).forEach(function (check) {
      var item = add(list, el('li'));
      item.setAttribute('data-check', String(check.id));
      add(item, pill(check.status === 'error' ? 'error' : check.severity));
      var body = add(item, el('div', 'body'));
      var title = add(body, el('p'));
      add(title, el('code', null, check.id));
      add(title, document.createTextNode(' ' + check.title));
      add(body, el('p', null, check.message));
      add(body, el('p', 'fix', 'Fix: ' + check.fix));
      if (Array.isArray(check.items) && check.items.length) {
        var items = add(body, el('ul', 'items'));
        check.items.forEach(function (entry) { add(items, el('li', null, entry.subject + ': ' + entry.detail)); });
        if (check.moreItems > 0) add(items, el('li', null, '… and ' + check.moreItems + ' more'));
      }
      var docs = add(body, el('p', 'muted'));
      add(docs, link(check.docs, 'Docs'));
    });
    if (failing.length > MAX_FIXES)
      add(parent, el('p', 'muted', '… and ' + (failing.length - MAX_FIXES) + ' more in the full report.'));
  }

  function render() {
    app.textContent = '';
    if (state.error) {
      add(app, el('p', 'error', state.error));
      return;
    }
    var data = state.data;
    if (!data) {
      add(app, el('p', 'muted', state.note || (state.url ? 'Diagnosing ' + state.url + '…' : 'Waiting for a diagnosis…')));
      return;
    }
    var head = add(app, el('header', 'head'));
    add(head, pill(data.status));
    var titles = add(head, el('div'));
    add(titles, el('h1', null, data.verdict));
    var server = data.server && data.server.name ? data.server.name + (data.server.version ? ' ' + data.server.version : '') : 'unknown server';
    add(titles, el('p', 'where', data.url + ' · ' + server + ' · ' + data.durationMs + ' ms'));
    renderRows(app, data.rows);
    if (Array.isArray(data.clients) && data.clients.length) renderClients(app, data.clients);
    renderFixes(app, data.failing);
    if (safeUrl(data.permalink)) {
      var actions = add(app, el('div', 'actions'));
      add(actions, link(data.permalink, 'Open the full report', 'button'));
    }
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    var message = event.data;
    if (!message || message.jsonrpc !== '2.0') return;
    if (message.method === undefined && message.id !== undefined && pending[message.id]) {
      var waiter = pending[message.id];
      delete pending[message.id];
      if (message.error) waiter.reject(new Error(String(message.error.message)));
      else waiter.resolve(message.result);
      return;
    }
    var params = message.params || {};
    switch (message.method) {
      case 'ui/notifications/tool-input':
        state.url = params.arguments && typeof params.arguments.url === 'string' ? params.arguments.url : null;
        if (!state.data) render();
        break;
      case 'ui/notifications/tool-result':
        acceptResult(params);
        break;
      case 'ui/notifications/tool-cancelled':
        if (!state.data) { state.note = 'The diagnosis was cancelled.'; render(); }
        break;
      case 'ui/notifications/host-context-changed':
        applyHostContext(params);
        break;
      case 'ui/resource-teardown':
        if (message.id !== undefined) post({ jsonrpc: '2.0', id: message.id, result: {} });
        break;
    }
  });

  function fromOpenAI() {
    var openai = window.openai;
    if (!openai) return;
    applyTheme(openai.theme);
    if (isDiagnosis(openai.toolOutput)) acceptResult({ structuredContent: openai.toolOutput });
    else if (!state.data && openai.toolInput && typeof openai.toolInput.url === 'string') {
      state.url = openai.toolInput.url;
      render();
    }
  }
  window.addEventListener('openai:set_globals', fromOpenAI);

  render();
  fromOpenAI();
  request('ui/initialize', {
    protocolVersion: '2026-01-26',
    appInfo: { name: 'MCP Doctor report', version: '1.0.0' },
    appCapabilities: { availableDisplayModes: ['inline'] },
  }).then(function (result) {
    applyHostContext(result && result.hostContext);
    notify('ui/notifications/initialized', {});
  }, function () {});

  var lastHeight = 0;
  function reportSize() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (!height || height === lastHeight) return;
    lastHeight = height;
    notify('ui/notifications/size-changed', { width: Math.ceil(root.getBoundingClientRect().width), height: height });
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(reportSize).observe(root);
})();`;
