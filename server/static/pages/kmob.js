// Shared by the kmob pages: the GraphQL client (POST /graphql, nothing else) and the API key control.
"use strict";

const KMOB_KEY_STORAGE = "kmob.apiKey";

const kmob = {
  apiKey() {
    return window.localStorage.getItem(KMOB_KEY_STORAGE) || "";
  },

  setApiKey(value) {
    if (value) window.localStorage.setItem(KMOB_KEY_STORAGE, value);
    else window.localStorage.removeItem(KMOB_KEY_STORAGE);
  },

  // Run one GraphQL operation; resolves to `data`, rejects with the API's own error messages.
  async gql(query, variables) {
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    const key = kmob.apiKey();
    if (key) headers.Authorization = "Bearer " + key;
    let response;
    try {
      response = await fetch("/graphql", {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables: variables || {} }),
      });
    } catch (err) {
      throw new Error("The kmob server did not answer (" + err.message + ").");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      throw new Error("The server answered " + response.status + " without a GraphQL result.");
    }
    if (body.errors && body.errors.length) {
      const messages = body.errors.map((e) => e.message).join("; ");
      if (response.status === 401 || /api key|unauthori[sz]ed|not allowed|permission/i.test(messages)) {
        throw new Error(messages + " Set an API key with the \u201cAPI key\u201d button at the top right.");
      }
      throw new Error(messages);
    }
    if (!response.ok) throw new Error("The server answered " + response.status + ".");
    return body.data;
  },

  // Build DOM without innerHTML so text from the graph is never parsed as markup.
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  // Words for the outcome enum, as a specialist would say them.
  outcomeLabel(outcome) {
    return (
      {
        IMPROVED: "improved",
        NO_CHANGE: "did not work (no change)",
        WORSENED: "did not work (worse)",
        NOT_SUSTAINED: "improved, not sustained",
        UNCLEAR: "outcome unclear",
      }[outcome] || null
    );
  },

  // The API key control in the top bar: a small panel that keeps the key in this browser only.
  mountKeyControl(container) {
    const input = kmob.el("input", {
      type: "password",
      id: "api-key",
      placeholder: "kmob_...",
      autocomplete: "off",
      "aria-label": "API key",
    });
    input.value = kmob.apiKey();
    const summary = kmob.el("summary", {}, kmob.apiKey() ? "API key \u2713" : "API key");
    const save = kmob.el("button", { type: "submit" }, "Save");
    const clear = kmob.el("button", { type: "button", class: "secondary" }, "Clear");
    const details = kmob.el(
      "details",
      { class: "kmob-key" },
      summary,
      kmob.el(
        "form",
        { class: "panel", onsubmit: (ev) => ev.preventDefault() },
        kmob.el(
          "p",
          {},
          "Reading works without a key where anonymous reads are on. Paste a key from ",
          kmob.el("code", {}, "kmob keys create"),
          " to see internal profiles; it is kept in this browser only and sent as a Bearer token.",
        ),
        input,
        kmob.el("div", { class: "row" }, save, clear),
      ),
    );
    save.addEventListener("click", () => {
      kmob.setApiKey(input.value.trim());
      summary.textContent = kmob.apiKey() ? "API key \u2713" : "API key";
      details.open = false;
      document.dispatchEvent(new CustomEvent("kmob:apikey"));
    });
    clear.addEventListener("click", () => {
      input.value = "";
      kmob.setApiKey("");
      summary.textContent = "API key";
      details.open = false;
      document.dispatchEvent(new CustomEvent("kmob:apikey"));
    });
    container.append(details);
  },
};

window.kmob = kmob;
