'use strict';
const log = document.getElementById('log');
const form = document.getElementById('form');
const input = document.getElementById('text');
const send = document.getElementById('send');

function userId() {
  const key = 'shebao-user-id';
  let id = localStorage.getItem(key);
  if (!id) {
    id = 'web-' + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
    localStorage.setItem(key, id);
  }
  return id;
}

function add(kind, text) {
  const div = document.createElement('div');
  div.className = 'msg ' + kind;
  div.textContent = text;
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function addChoices(buttons) {
  const box = document.createElement('div');
  box.className = 'choices';
  for (const label of buttons) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => {
      box.remove();
      talk(label);
    });
    box.appendChild(b);
  }
  log.appendChild(box);
  log.scrollTop = log.scrollHeight;
}

async function talk(text) {
  text = text.trim();
  if (!text) return;
  for (const old of document.querySelectorAll('.choices')) old.remove();
  add('me', text);
  send.disabled = true;
  try {
    const res = await fetch('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: userId(), text }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : '请求失败';
      add('error', res.status === 429 ? '发送太频繁了，请稍后再试。' : msg);
      return;
    }
    for (const reply of body.replies) {
      add('bot', reply.text);
      if (reply.buttons && reply.buttons.length) addChoices(reply.buttons);
    }
  } catch {
    add('error', '网络连接失败，请稍后再试。');
  } finally {
    send.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = '';
  talk(text);
});

add('bot', '你好！我是社保小助手。问我医保、养老保险交多少、能领多少、哪年退休都可以。');
addChoices(['医保一个月交多少', '我哪年退休', '养老金能领多少']);
