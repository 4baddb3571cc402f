// The employer's page: join, write cards (and fix them until they are placed), place dots.
"use strict";

const $ = (id) => document.getElementById(id);
let last = null; // the last state the room sent
let fixing = null; // {id, value}: a card being fixed survives the list being redrawn

function notice(text) {
  $("notice").textContent = text;
  $("notice").hidden = !text;
}

function show(id, on) {
  $(id).hidden = !on;
}

function renderCards(state) {
  const room = state.room;
  show("cards", state.session.kind === "critical-occupations" || state.cards.length > 0 || room.cards);
  $("prompt").textContent = state.prompts.cards;
  show("card-form", room.cards && !room.locked);
  show("third", room.third && !room.locked);
  $("third-prompt").textContent = state.prompts.third;
  show("cards-closed", !room.cards && !room.third);
  const list = $("my-cards");
  list.replaceChildren();
  for (const card of state.cards) list.append(cardItem(card, room.locked));
  for (const item of Room.pending()) {
    if (item.path !== "cards") continue;
    list.append(el("li", { class: "card waiting" }, el("span", { class: "text", text: item.body.text }),
      el("span", { class: "tag", text: "not yet saved" })));
  }
}

function cardItem(card, locked) {
  const li = el("li", { class: "card" }, el("span", { class: "text", text: card.text }));
  if (fixing && fixing.id === card.id && card.editable && !locked) {
    fixCard(li, card);
    return li;
  }
  if (card.round === 2) li.append(el("span", { class: "tag", text: "third card" }));
  li.append(el("span", { class: "tag saved", text: "saved" }));
  if (card.editable && !locked) {
    li.append(el("button", { type: "button", class: "small", "aria-label": `Fix card: ${card.text}`,
      onclick: () => fixCard(li, card), text: "Fix" }));
  } else if (!card.editable) {
    li.append(el("span", { class: "tag", text: "on the wall" }));
  }
  return li;
}

function fixCard(li, card) {
  const id = `fix-${card.id}`;
  const box = el("textarea", { id, rows: "2", maxlength: "500" });
  const focus = !fixing || fixing.id !== card.id;
  if (focus) fixing = { id: card.id, value: card.text };
  box.value = fixing.value;
  box.addEventListener("input", () => {
    fixing.value = box.value;
  });
  const form = el("form", { class: "fix" }, el("label", { for: id, text: "Fixed card" }), box,
    el("button", { type: "submit", text: "Save" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    fixing = null;
    Room.send("PATCH", `cards/${encodeURIComponent(card.id)}`, { text: box.value }, "fix");
  });
  li.replaceChildren(form);
  if (focus) box.focus();
}

function renderPanel(state) {
  const panel = state.panel;
  const room = state.room;
  show("panel", Boolean(panel) && (state.session.kind === "skill-panel" || room.dots));
  if (!panel) return;
  $("panel-heading").textContent = panel.occupation;
  const voter = state.me && state.me.may_vote;
  const voting = voter && !panel.not_a_voter && room.dots && !room.locked;
  if (!voter) $("dots-left").textContent = "You are listening: partners do not place dots.";
  else if (panel.not_a_voter) $("dots-left").textContent = panel.not_a_voter;
  else if (!room.dots) $("dots-left").textContent = "Voting is closed.";
  else $("dots-left").textContent = `You have ${panel.dots_left} of ${panel.dots_per_participant} dots left.`;
  if (panel.revealed) $("dots-left").textContent += " Results are shown.";
  const holder = $("functions");
  holder.replaceChildren();
  for (const fn of panel.functions) {
    const list = el("ul", { class: "tasks" });
    for (const task of fn.tasks) list.append(taskItem(task, panel, voting));
    holder.append(el("section", { class: "function" }, el("h3", { text: fn.title }), list));
  }
}

function taskItem(task, panel, voting) {
  const name = `${task.label} ${task.text}`;
  const li = el("li", { class: "task" },
    el("span", { class: "label", text: task.label }), el("span", { class: "text", text: task.text }));
  const facts = el("span", { class: "facts" });
  if (task.mine) facts.append(el("span", { class: "mine", text: `Your dots: ${"●".repeat(task.mine)}` }));
  if (task.total !== null) facts.append(el("span", { class: "total", text: `Total: ${task.total}` }));
  li.append(facts);
  if (voting) {
    const room = el("span", { class: "actions" });
    const full = panel.dots_left <= 0 || (task.mine > 0 && !panel.several_dots_per_task);
    const place = el("button", { type: "button", "aria-label": `Place a dot on ${name}`, text: "Place a dot",
      onclick: () => Room.send("POST", "dots", { task: task.id }, "dot") });
    if (full) place.disabled = true;
    room.append(place);
    if (task.mine > 0) {
      room.append(el("button", { type: "button", class: "secondary", "aria-label": `Take a dot back from ${name}`,
        text: "Take one back", onclick: () => Room.send("DELETE", `dots/${encodeURIComponent(task.id)}`, {}, "undot") }));
    }
    li.append(room);
  }
  return li;
}

function render(status, state) {
  if (status === 403) {
    notice(state.error || "This device is out of the room.");
    for (const id of ["cards", "panel", "me"]) show(id, false);
    return;
  }
  if (status !== 200) return;
  last = state;
  notice(state.room.locked ? "The room is locked: nothing more can be sent." : "");
  show("join", false);
  show("me", true);
  $("title").textContent = state.session.title || "Cardwall";
  document.title = `Cardwall: ${state.session.title || "the room"}`;
  $("who").textContent = state.me ? `${state.me.name}${state.me.organization ? `, ${state.me.organization}` : ""}` : "";
  renderCards(state);
  renderPanel(state);
}

function addCard(box, round) {
  const text = box.value.trim();
  if (!text) return;
  Room.send("POST", "cards", { text, round }, "card");
  box.value = "";
  box.focus();
  if (last) renderCards(last);
}

document.addEventListener("DOMContentLoaded", () => {
  Room.on({
    state: render,
    status: (kind, text) => {
      $("status").textContent = text;
      $("status").className = `status ${kind}`;
    },
    refused: (item, error) => notice(error),
  });
  show("join", !Room.joined());
  $("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    notice("");
    const answer = await Room.join($("name").value, $("organization").value);
    if (answer.status !== 200) notice(answer.data.error || "Could not join.");
  });
  $("card-form").addEventListener("submit", (event) => {
    event.preventDefault();
    addCard($("card-text"), 1);
  });
  $("third-form").addEventListener("submit", (event) => {
    event.preventDefault();
    addCard($("third-text"), 2);
  });
  Room.start();
});
