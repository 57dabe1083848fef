// The web chat page. It talks to the server's web chat route (/web/messages), which knows the
// visitor by an HttpOnly cookie; the page keeps what is on screen in localStorage so that a
// reload shows the same conversation the bot remembers.
'use strict';

(() => {
  const MAX_TEXT = 2000; // the server's limit (CONTRACT: 2,000 characters)
  const HISTORY_KEY = 'shebao-chat-history';
  const HISTORY_MAX = 200; // messages kept on screen across reloads
  const GREETING =
    '你好！我是社保小助手。问我医保、养老保险交多少、能领多少、哪年退休都可以。说说你在哪个城市、多大年纪、月收入多少，我算得更准。';
  const STARTERS = ['医保一个月交多少', '我哪年退休', '养老金能领多少'];
  const TEXTS = {
    me: '你说：',
    bot: '助手说：',
    choices: '可以直接点选',
    resend: '重新发送',
    offline: '网络连接失败，消息没有发出。请检查网络后重新发送。',
    restartFailed: '网络连接失败，没能重新开始，请稍后再试。',
    rateLimited: '发送太频繁了，请稍后再试。',
    serverDown: '服务暂时出了问题，请稍后再试。',
    refused: (status) => `请求没有成功（${status}），请刷新页面后再试。`,
    tooLong: (n) => `消息太长了：现在 ${n} 字，最多 ${MAX_TEXT} 字。请删减后再发送。`,
  };

  const log = document.getElementById('log');
  const form = document.getElementById('form');
  const input = document.getElementById('text');
  const send = document.getElementById('send');
  const restart = document.getElementById('restart');
  const notice = document.getElementById('notice');

  let history = loadHistory();
  let busy = false;
  /** The last message that did not get through: sending the same text again reuses its id. */
  let failed = null;

  // ---- remembered conversation -------------------------------------------------------------

  function loadHistory() {
    try {
      const saved = JSON.parse(localStorage.getItem(HISTORY_KEY) || 'null');
      if (saved && Array.isArray(saved.entries) && Array.isArray(saved.choices)) {
        const entries = saved.entries.filter(
          (e) => e && (e.who === 'me' || e.who === 'bot') && typeof e.text === 'string',
        );
        const choices = saved.choices.filter((c) => typeof c === 'string');
        return { entries, choices };
      }
    } catch {
      // unreadable or blocked storage: start with an empty screen
    }
    return { entries: [], choices: [] };
  }

  function saveHistory() {
    history.entries = history.entries.slice(-HISTORY_MAX);
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
    } catch {
      // storage full or blocked: the conversation still works, it is just not kept
    }
  }

  // ---- what is on screen -------------------------------------------------------------------

  function bubble(who, text) {
    const div = document.createElement('div');
    div.className = 'msg ' + who;
    const speaker = document.createElement('span');
    speaker.className = 'visually-hidden';
    speaker.textContent = TEXTS[who];
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    div.append(speaker, body);
    log.append(div);
    return div;
  }

  function showChoices(labels) {
    for (const old of log.querySelectorAll('.choices')) old.remove();
    if (!labels.length) return;
    const box = document.createElement('div');
    box.className = 'choices';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', TEXTS.choices);
    for (const label of labels) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'choice';
      button.textContent = label;
      button.addEventListener('click', () => talk(label));
      box.append(button);
    }
    log.append(box);
  }

  /** A line saying what went wrong, with a resend button when trying again can help. */
  function problem(text, retry) {
    const div = document.createElement('div');
    div.className = 'problem';
    const span = document.createElement('span');
    span.textContent = text;
    div.append(span);
    if (retry) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'resend';
      button.textContent = TEXTS.resend;
      button.addEventListener('click', () => talk(retry.text, retry.id));
      div.append(button);
    }
    log.append(div);
    log.scrollTop = log.scrollHeight;
  }

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  function hideNotice() {
    notice.hidden = true;
    notice.textContent = '';
  }

  function setBusy(value) {
    busy = value;
    send.disabled = value;
    restart.disabled = value;
    for (const b of log.querySelectorAll('button')) b.disabled = value;
  }

  /**
   * Brings the start of a new answer into view: the question at the top when it all fits,
   * otherwise as much of the question as leaves the answer's first lines visible. (Scrolling
   * to the bottom would show a long answer's sources first, not the figure asked for.)
   */
  function reveal(question, firstReply) {
    const bottom = log.scrollHeight - log.clientHeight;
    if (!firstReply) {
      log.scrollTop = bottom;
      return;
    }
    const target = Math.max(question.offsetTop, firstReply.offsetTop - log.clientHeight / 4) - 12;
    log.scrollTop = Math.max(0, Math.min(target, bottom));
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + 2 + 'px';
  }

  function greet() {
    bubble('bot', GREETING);
    for (const entry of history.entries) bubble(entry.who, entry.text);
    showChoices(history.entries.length ? history.choices : STARTERS);
    log.scrollTop = log.scrollHeight;
  }

  // ---- talking to the server ---------------------------------------------------------------

  function newMessageId() {
    // crypto.randomUUID exists only on HTTPS pages; getRandomValues everywhere.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** The server's own Chinese message when it sent one, else one chosen by the status. */
  function failureText(res, body) {
    if (!res) return TEXTS.offline;
    const message = body && body.error && body.error.message;
    if (typeof message === 'string' && /[\u4e00-\u9fff]/.test(message)) return message;
    if (res.status === 429) return TEXTS.rateLimited;
    if (res.status >= 500) return TEXTS.serverDown;
    return TEXTS.refused(res.status);
  }

  async function talk(raw, id) {
    const text = raw.trim();
    if (!text || busy) return;
    if (text.length > MAX_TEXT) {
      showNotice(TEXTS.tooLong(text.length));
      input.focus();
      return;
    }
    hideNotice();
    for (const old of log.querySelectorAll('.problem')) old.remove();
    const messageId = id || newMessageId();
    // Back to the box for the next question, except on touch screens: there the keyboard
    // would pop up again and cover the answer just brought into view.
    const refocus =
      (document.activeElement === input || document.activeElement === send) &&
      !matchMedia('(pointer: coarse)').matches;
    if (input.value.trim() === text) {
      input.value = '';
      autosize();
    }
    const question = bubble('me', text);
    log.scrollTop = log.scrollHeight;
    setBusy(true);

    let res = null;
    let body = null;
    try {
      res = await fetch('/web/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, messageId }),
      });
      body = await res.json().catch(() => null);
    } catch {
      res = null;
    }
    setBusy(false);

    if (!res || !res.ok || !body || !Array.isArray(body.replies)) {
      // Nothing is lost: the text goes back into the box, the earlier choices stay.
      question.remove();
      if (!input.value.trim()) {
        input.value = text;
        autosize();
      }
      failed = { text, id: messageId };
      const worthRetrying = !res || res.status === 429 || res.status >= 500;
      problem(failureText(res, body), worthRetrying ? failed : null);
      if (refocus) input.focus();
      return;
    }

    failed = null;
    history.entries.push({ who: 'me', text });
    let firstReply = null;
    let choices = [];
    for (const reply of body.replies) {
      const shown = bubble('bot', reply.text);
      firstReply = firstReply || shown;
      history.entries.push({ who: 'bot', text: reply.text });
      if (Array.isArray(reply.buttons) && reply.buttons.length) choices = reply.buttons;
    }
    history.choices = choices;
    saveHistory();
    showChoices(choices);
    reveal(question, firstReply);
    if (refocus) input.focus({ preventScroll: true });
  }

  async function startOver() {
    if (busy) return;
    setBusy(true);
    let ok = false;
    try {
      const res = await fetch('/web/conversation', { method: 'DELETE' });
      ok = res.ok;
    } catch {
      ok = false;
    }
    setBusy(false);
    if (!ok) {
      problem(TEXTS.restartFailed);
      return;
    }
    history = { entries: [], choices: [] };
    saveHistory();
    failed = null;
    hideNotice();
    log.replaceChildren();
    greet();
    input.focus();
  }

  // ---- wiring ------------------------------------------------------------------------------

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    talk(text, failed && failed.text === text ? failed.id : undefined);
  });

  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; never while an IME is composing a word.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) {
      return;
    }
    event.preventDefault();
    form.requestSubmit();
  });

  input.addEventListener('input', () => {
    autosize();
    const length = input.value.trim().length;
    if (length > MAX_TEXT) showNotice(TEXTS.tooLong(length));
    else if (!notice.hidden) hideNotice();
  });

  restart.addEventListener('click', startOver);

  greet();
})();
