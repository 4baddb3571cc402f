// The room pages' link to Cardwall: the API, the writes not yet acknowledged, the event stream.
// Writes wait in localStorage until the server has committed them, and are sent again (same
// client_id, so never doubled) when the connection comes back or the room reopens.
"use strict";

const Room = (() => {
  const code = decodeURIComponent(location.pathname.split("/")[2] || "");
  const key = (name) => `cardwall:${location.pathname.split("/")[1]}:${code}:${name}`;
  let token = localStorage.getItem(key("token"));
  let onState = () => {};
  let onStatus = () => {};
  let onRefused = () => {};
  let flushing = false;
  let online = true;

  function load(name, fallback) {
    try {
      const value = JSON.parse(localStorage.getItem(key(name)));
      return value === null ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }
  const store = (name, value) => localStorage.setItem(key(name), JSON.stringify(value));
  const newId = () =>
    (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

  async function api(method, path, body) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(`/api/v1/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    let data = {};
    try {
      data = await response.json();
    } catch (e) {
      data = {};
    }
    return { status: response.status, data };
  }

  async function join(name, organization) {
    const answer = await api("POST", "join", { code, name, organization });
    if (answer.status === 200) {
      token = answer.data.token;
      localStorage.setItem(key("token"), token);
      store("who", { name, organization });
      listen();
      flush();
    }
    return answer;
  }

  // After a restart the room may not know this device's token: join again as the same person.
  async function rejoin() {
    const who = load("who", null);
    if (!who) return false;
    const answer = await api("POST", "join", { code, name: who.name, organization: who.organization });
    if (answer.status !== 200) return false;
    token = answer.data.token;
    localStorage.setItem(key("token"), token);
    return true;
  }

  const pending = () => load("pending", []);

  function send(method, path, body, label) {
    const item = { id: newId(), method, path, body: { ...body }, label };
    if (method !== "DELETE" && method !== "PATCH") item.body.client_id = item.body.client_id || newId();
    store("pending", [...pending(), item]);
    status();
    flush();
    return item;
  }

  function drop(id) {
    store("pending", pending().filter((p) => p.id !== id));
  }

  async function flush() {
    if (flushing || !token) return;
    flushing = true;
    try {
      for (const item of pending()) {
        let answer;
        try {
          answer = await api(item.method, item.path, item.method === "DELETE" ? undefined : item.body);
        } catch (e) {
          online = false;
          status();
          setTimeout(flush, 1500);
          return;
        }
        online = true;
        if (answer.status === 401 && (await rejoin())) {
          setTimeout(flush, 0);
          return;
        }
        if (answer.status === 429 || answer.status >= 500) {
          setTimeout(flush, 2000);
          status();
          return;
        }
        drop(item.id);
        if (answer.status >= 400) onRefused(item, answer.data.error || "Refused.");
      }
    } finally {
      flushing = false;
      status();
    }
    if (pending().length) setTimeout(flush, 0); // written while this round was being sent
    refresh();
  }

  function status() {
    const waiting = pending().length;
    if (!token) onStatus("", "Not joined yet");
    else if (!online) onStatus("reconnecting", `Reconnecting… ${waiting} waiting to be sent`);
    else if (waiting) onStatus("sending", `Sending ${waiting}…`);
    else onStatus("saved", "All saved");
  }

  async function refresh() {
    if (!token) return;
    try {
      const answer = await api("GET", "state");
      online = true;
      if (answer.status === 401 && (await rejoin())) return refresh();
      onState(answer.status, answer.data);
    } catch (e) {
      online = false;
    }
    status();
  }

  // Server-sent events through fetch, so the token travels in the Authorization header.
  let listening = false;
  async function listen() {
    if (listening || !token) return;
    listening = true;
    try {
      const response = await fetch("/api/v1/events", { headers: { Authorization: `Bearer ${token}` } });
      if (response.status === 401 && (await rejoin())) {
        listening = false;
        return listen();
      }
      if (!response.ok) {
        listening = false;
        refresh();
        return;
      }
      online = true;
      status();
      flush();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith("event: state")) refresh();
        }
      }
    } catch (e) {
      // the room's laptop went away: say so and keep trying
    }
    listening = false;
    online = false;
    status();
    setTimeout(listen, 1500);
  }

  return {
    code,
    joined: () => Boolean(token),
    join,
    send,
    pending,
    refresh,
    start() {
      if (token) {
        listen();
        flush();
        refresh();
      }
      status();
    },
    on(handlers) {
      onState = handlers.state || onState;
      onStatus = handlers.status || onStatus;
      onRefused = handlers.refused || onRefused;
    },
  };
})();

// Build an element; text always goes in as text, never as markup.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
