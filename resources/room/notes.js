// The note-taker's capture bar: cards for any author, card kinds, the third card, notes per step.
"use strict";

const $ = (id) => document.getElementById(id);
const NEW = "__new__";
let sent = []; // what this laptop sent this visit: {id, text, refused}

function notice(text) {
  $("notice").textContent = text;
  $("notice").hidden = !text;
}

function renderAuthors(participants) {
  const select = $("author");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "", text: "Nobody in particular" }));
  for (const p of participants) {
    const who = p.organization ? `${p.name} (${p.organization})` : p.name;
    select.append(el("option", { value: p.id, text: who }));
  }
  select.append(el("option", { value: NEW, text: "Someone new…" }));
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  $("new-author").hidden = select.value !== NEW;
}

function renderSent() {
  const waiting = new Set(Room.pending().map((p) => p.id));
  const list = $("sent");
  list.replaceChildren();
  for (const item of sent.slice(-30).reverse()) {
    const saved = !item.refused && !waiting.has(item.id);
    const state = item.refused ? `refused: ${item.refused}` : saved ? "saved" : "not yet saved";
    list.append(el("li", { class: `card ${waiting.has(item.id) ? "waiting" : ""}` },
      el("span", { class: "text", text: item.text }), el("span", { class: saved ? "tag saved" : "tag", text: state })));
  }
}

function render(status, state) {
  if (status === 403) {
    notice(state.error || "This laptop is out of the room.");
    $("capture").hidden = true;
    return;
  }
  if (status !== 200) return;
  notice(state.room.locked ? "The room is locked: nothing more can be sent." : "");
  $("join").hidden = true;
  $("capture").hidden = false;
  $("title").textContent = `Note-taker: ${state.session.title || "Cardwall"}`;
  renderAuthors(state.participants || []);
  $("step").textContent = `Step ${state.step.number}: ${state.step.title}`;
  $("note-label").textContent = `Note for step ${state.step.number}`;
  renderSent();
}

document.addEventListener("DOMContentLoaded", () => {
  Room.on({
    state: render,
    status: (kind, text) => {
      $("status").textContent = text;
      $("status").className = `status ${kind}`;
      renderSent();
    },
    refused: (item, error) => {
      const mine = sent.find((s) => s.id === item.id);
      if (mine) mine.refused = error;
      notice(error);
      renderSent();
    },
  });
  $("join").hidden = Room.joined();
  $("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await Room.join($("name").value, "");
    if (answer.status !== 200) notice(answer.data.error || "Could not join.");
  });
  $("author").addEventListener("change", () => {
    $("new-author").hidden = $("author").value !== NEW;
  });
  $("card-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("card-text").value.trim();
    if (!text) return;
    const body = { text, kind: $("kind").value, round: $("third-card").checked ? 2 : 1 };
    if ($("author").value === NEW) {
      body.author_name = $("author-name").value;
      body.author_organization = $("author-organization").value;
    } else if ($("author").value) {
      body.author = $("author").value;
    }
    const item = Room.send("POST", "cards", body, "card");
    sent.push({ id: item.id, text });
    $("card-text").value = "";
    $("card-text").focus();
    renderSent();
  });
  $("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("note-text").value.trim();
    if (!text) return;
    const item = Room.send("POST", "notes", { text }, "note");
    sent.push({ id: item.id, text });
    $("note-text").value = "";
    renderSent();
  });
  Room.start();
});
