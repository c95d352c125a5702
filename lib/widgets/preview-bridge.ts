/**
 * The host side of a widget preview that runs inside the sandboxed iframe, before any of the
 * widget's code. It gives an Apps SDK widget its `window.openai`, and reports to the dashboard what
 * the widget cannot show by itself: uncaught errors and rejections, console errors and warnings,
 * CSP violations, assets that failed to load, calls to host APIs, and its size. It also carries the
 * host's display changes in (theme, display mode: `openai:set_globals`) and display-mode requests out.
 *
 * Reports are signed with a nonce the widget cannot read: this script keeps it in a closure,
 * removes its own element, and holds on to the functions it needs (`Reflect.apply`, the parent's
 * `postMessage`) before the widget can replace them. Plain ES2017, shipped as text: it is inlined
 * into the preview document, which the Content-Security-Policy lets run only inline scripts.
 */
const BRIDGE_SOURCE = String.raw`(function (config) {
  'use strict';
  var apply = Reflect.apply;
  var host = window.parent;
  var post = host.postMessage;
  var nonce = config.nonce;
  var StringCtor = String;
  var slice = String.prototype.slice;
  var join = Array.prototype.join;
  var map = Array.prototype.map;
  var sent = 0;
  var PromiseCtor = Promise;
  var CustomEventCtor = CustomEvent;
  var dispatch = window.dispatchEvent;
  var pendingDisplay = Object.create(null);
  var displayRequests = 0;
  var script = document.currentScript;
  if (script && script.parentNode) script.parentNode.removeChild(script);

  function send(kind, data) {
    if (sent >= 300) return;
    sent++;
    try {
      apply(post, host, [{ channel: 'mcp-doctor-preview', nonce: nonce, kind: kind, data: data }, '*']);
    } catch (e) {}
  }
  function text(value) {
    try {
      var out;
      if (value && typeof value === 'object' && typeof value.message === 'string') {
        out = (value.name ? value.name + ': ' : '') + value.message;
      } else if (typeof value === 'string') {
        out = value;
      } else {
        out = JSON.stringify(value);
        if (out === undefined) out = StringCtor(value);
      }
      return apply(slice, out, [0, 1000]);
    } catch (e) {
      return '[unprintable value]';
    }
  }

  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && target.tagName) {
      var url = target.src || target.href || target.data || '';
      send('asset', { tag: text(target.tagName).toLowerCase(), url: text(url) });
    } else {
      send('error', { message: text(event.error || event.message) });
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    send('rejection', { message: text(event.reason) });
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    send('csp', { directive: text(event.effectiveDirective || event.violatedDirective), blocked: text(event.blockedURI || ''), sample: text(event.sample || '') });
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      send('console', { level: level, message: apply(join, apply(map, arguments, [text]), [' ']) });
      return apply(original, console, arguments);
    };
  });

  var lastHeight = 0;
  function reportSize() {
    // The element's own box, not scrollHeight, which never drops below the frame's viewport.
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height || 0);
    if (height && height !== lastHeight) {
      lastHeight = height;
      send('size', { height: height });
    }
  }
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(reportSize).observe(document.documentElement);
  }
  window.addEventListener('load', function () {
    reportSize();
    send('loaded', {});
  });

  if (config.appsSdk) {
    var globals = config.globals;
    var report = function (api, detail) {
      send('host', { api: 'window.openai.' + api, detail: text(detail) });
    };
    var unavailable = function (api) {
      return function (arg) {
        report(api, arg);
        return Promise.reject(new Error('window.openai.' + api + ' is not available in the MCP Doctor preview'));
      };
    };
    var openai = {
      callTool: function (name, args) {
        report('callTool', { name: name, arguments: args });
        return Promise.resolve({ isError: true, content: [{ type: 'text', text: 'The MCP Doctor preview does not forward tool calls from widgets; use "Call and render".' }] });
      },
      sendFollowUpMessage: function (arg) { report('sendFollowUpMessage', arg); return Promise.resolve(); },
      sendFollowupTurn: function (arg) { report('sendFollowupTurn', arg); return Promise.resolve(); },
      setWidgetState: function (state) { openai.widgetState = state; report('setWidgetState', state); return Promise.resolve(); },
      requestDisplayMode: function (arg) {
        var mode = arg && typeof arg.mode === 'string' ? apply(slice, arg.mode, [0, 40]) : '';
        var id = ++displayRequests;
        return new PromiseCtor(function (resolve) {
          pendingDisplay[id] = resolve;
          send('display', { id: id, mode: mode });
        });
      },
      openExternal: function (arg) { report('openExternal', arg); },
      notifyIntrinsicHeight: function (height) { report('notifyIntrinsicHeight', height); },
      requestClose: function () { report('requestClose', null); },
      requestModal: unavailable('requestModal'),
      uploadFile: unavailable('uploadFile'),
      getFileDownloadUrl: unavailable('getFileDownloadUrl'),
      selectFiles: unavailable('selectFiles'),
    };
    for (var key in globals) openai[key] = globals[key];
    window.openai = openai;

    // The host (this frame's parent, nothing else) changes the display globals as ChatGPT does:
    // it sets them on window.openai, then fires openai:set_globals with detail.globals; and it
    // answers requestDisplayMode with the mode it granted.
    window.addEventListener('message', function (event) {
      if (event.source !== host) return;
      var message = event.data;
      if (!message || message.channel !== 'mcp-doctor-host') return;
      if (message.kind === 'globals' && message.globals && typeof message.globals === 'object') {
        var changed = {};
        for (var name in message.globals) {
          openai[name] = message.globals[name];
          changed[name] = message.globals[name];
        }
        try {
          apply(dispatch, window, [new CustomEventCtor('openai:set_globals', { detail: { globals: changed } })]);
        } catch (e) {}
      } else if (message.kind === 'display-mode' && pendingDisplay[message.id]) {
        var resolve = pendingDisplay[message.id];
        delete pendingDisplay[message.id];
        resolve({ mode: message.mode });
      }
    });
  }
  send('ready', { appsSdk: Boolean(config.appsSdk) });
})`;

/** What the bridge needs: the nonce, and the Apps SDK globals when the widget declares that standard. */
export interface BridgeConfig {
  nonce: string;
  appsSdk: boolean;
  globals: Record<string, unknown>;
}

/**
 * The bridge as the text of an inline `<script>`. The config is JSON with `<`, U+2028 and U+2029
 * escaped, so no value can close the script element or break the JavaScript string.
 */
export function bridgeScript(config: BridgeConfig): string {
  const json = JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${BRIDGE_SOURCE}(${json});`;
}
