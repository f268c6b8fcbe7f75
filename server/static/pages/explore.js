// /explore: search the graph, draw a node's neighbourhood with cytoscape, expand on click, explain each link.
// Every fact on this page comes from the public GraphQL API (POST /graphql).
"use strict";

(function () {
  const { el, gql } = window.kmob;
  const PAGE = 12;

  const KINDS = {
    Person: { colour: "#005eb8", shape: "ellipse", label: "Person" },
    Organisation: { colour: "#330072", shape: "round-rectangle", label: "Organisation" },
    Project: { colour: "#007f3b", shape: "round-diamond", label: "Project" },
    Lesson: { colour: "#ed8b00", shape: "round-triangle", label: "Lesson" },
    Evidence: { colour: "#7c2855", shape: "round-rectangle", label: "Evidence" },
    Concept: { colour: "#00a499", shape: "round-hexagon", label: "Topic / method" },
    Source: { colour: "#768692", shape: "rectangle", label: "Source" },
  };

  // Each neighbour list the API offers, by node type: the field, a heading, and which way the link points
  // in the graph ("out": this node is the source), with the relationship type when the edge does not say.
  const DOCUMENT_LINKS = [
    { field: "people", heading: "People", dir: "in", rel: "CONTRIBUTED_TO" },
    { field: "concepts", heading: "Topics and methods", dir: "out", rel: "MENTIONS" },
    { field: "organisations", heading: "Organisations", dir: "out", rel: "OWNED_BY" },
    { field: "cites", heading: "Evidence cited", dir: "out", rel: "CITES" },
  ];
  const LINKS = {
    Person: [
      { field: "organisations", heading: "Works at", dir: "out", rel: "WORKS_AT" },
      { field: "projects", heading: "Projects", dir: "out", rel: "CONTRIBUTED_TO" },
      { field: "authored", heading: "Wrote", dir: "out", rel: "AUTHORED" },
      { field: "knowsAbout", heading: "Knows about", dir: "out", rel: "KNOWS_ABOUT" },
    ],
    Project: DOCUMENT_LINKS.concat([
      { field: "lessons", heading: "Lessons learned", dir: "in", rel: "FROM" },
      { field: "similar", heading: "Similar projects", dir: "out", rel: "SIMILAR_TO" },
    ]),
    Lesson: DOCUMENT_LINKS.concat([{ field: "projects", heading: "From project", dir: "out", rel: "FROM" }]),
    Evidence: DOCUMENT_LINKS.concat([{ field: "citedBy", heading: "Cited by", dir: "in", rel: "CITES" }]),
    Organisation: [
      { field: "people", heading: "People", dir: "in", rel: "WORKS_AT" },
      { field: "documents", heading: "Projects, lessons, evidence", dir: "in", rel: "OWNED_BY" },
    ],
    Concept: [
      { field: "documents", heading: "Documents about it", dir: "in", rel: "MENTIONS" },
      { field: "people", heading: "People who know about it", dir: "in", rel: "KNOWS_ABOUT" },
    ],
    Source: [{ field: "documents", heading: "Documents read from it", dir: "in", rel: "FROM_SOURCE" }],
  };

  const LABEL_FRAGMENT = `
fragment NodeLabel on Node {
  __typename
  id
  key
  ... on Person { name role }
  ... on Organisation { name type }
  ... on Document { title date outcome }
  ... on Concept { name kind }
  ... on Source { path }
}`;

  const CONNECTION = "totalCount pageInfo { hasNextPage endCursor } edges { relationship role score node { ...NodeLabel } }";

  function linkSelections(after) {
    const args = after ? "(first: $first, after: $after)" : "(first: $first)";
    return Object.entries(LINKS)
      .map(([type, specs]) => {
        const fields = specs.map((s) => `${s.field}${args} { ${CONNECTION} }`).join("\n    ");
        return `... on ${type} {\n    ${fields}\n  }`;
      })
      .join("\n  ");
  }

  const NEIGHBOURHOOD = `
query ExploreNeighbourhood($id: ID!, $first: Int!) {
  node(id: $id) {
    ...NodeLabel
    ... on Person { summary visibility aliases }
    ... on Organisation { aliases }
    ... on Document { summary organisationName }
    ... on Project { status endDate }
    ... on Evidence { level }
    ... on Concept { aliases }
    ... on Source { ingestedAt extractorVersion }
  ${linkSelections(false)}
  }
}
${LABEL_FRAGMENT}`;

  function morePage(type, field) {
    return `
query ExploreMore($id: ID!, $first: Int!, $after: String!) {
  node(id: $id) {
    ...NodeLabel
    ... on ${type} { ${field}(first: $first, after: $after) { ${CONNECTION} } }
  }
}
${LABEL_FRAGMENT}`;
  }

  const SEARCH = `
query ExploreSearch($query: String!, $kinds: [NodeKind!], $first: Int!) {
  search(query: $query, kinds: $kinds, first: $first) {
    totalCount
    edges { score node { ...NodeLabel ... on Person { summary } ... on Document { summary } } }
  }
}
${LABEL_FRAGMENT}`;

  const DOCUMENT_TEXT = `
query ExploreEdgeText($doc: ID!, $other: ID!) {
  doc: node(id: $doc) {
    ... on Document { title text summary sources(first: 3) { edges { node { path } } } }
  }
  other: node(id: $other) {
    ...NodeLabel
    ... on Person { aliases }
    ... on Organisation { aliases }
    ... on Concept { aliases }
  }
}
${LABEL_FRAGMENT}`;

  const EXPERT_BASIS = `
query ExploreWhyExpert($topic: String!) {
  experts(topic: $topic, first: 50) {
    edges { score person { id } because { role weight sentence document { ...NodeLabel } } }
  }
}
${LABEL_FRAGMENT}`;

  const SIMILAR_WHY = `
query ExploreWhySimilar($project: ID!) {
  relatedProjects(projectId: $project, first: 25) {
    score why sharedConcepts outcome outcomeLabel project { id }
  }
}`;

  // ---- state -------------------------------------------------------------------------------------------
  const nodeData = new Map(); // global id -> the latest fields we have for it
  const expanded = new Map(); // global id -> { links: {field: {edges, totalCount, pageInfo}} }
  const statusEl = document.getElementById("status");
  const errorEl = document.getElementById("error");
  const details = document.getElementById("details");
  const emptyEl = document.getElementById("empty");
  let pending = 0;

  function busy(delta, text) {
    pending += delta;
    statusEl.textContent = pending > 0 ? text || "Loading\u2026" : "";
  }

  function showError(err) {
    errorEl.textContent = err ? String(err.message || err) : "";
  }

  function labelOf(n) {
    if (!n) return "";
    if (n.__typename === "Source") return (n.path || n.key || "").split("/").pop();
    return n.name || n.title || n.key || n.id;
  }

  function short(text, max) {
    return text.length > max ? text.slice(0, max - 1).trimEnd() + "\u2026" : text;
  }

  // ---- graph -------------------------------------------------------------------------------------------
  const cy = window.cytoscape({
    container: document.getElementById("cy"),
    minZoom: 0.15,
    maxZoom: 3,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          shape: "data(shape)",
          label: "data(short)",
          color: "#212b32",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": 130,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": 2,
          width: 26,
          height: 26,
          "border-width": 2,
          "border-color": "#ffffff",
        },
      },
      { selector: "node.expanded", style: { width: 34, height: 34, "border-color": "#212b32" } },
      { selector: "node.root", style: { width: 42, height: 42, "font-weight": "bold", "font-size": 13 } },
      { selector: "node:selected", style: { "border-width": 5, "border-color": "#ffb81c" } },
      {
        selector: "edge",
        style: {
          width: "mapData(weight, 0, 1, 1.2, 4)",
          "line-color": "#aeb7bd",
          "target-arrow-color": "#aeb7bd",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
          label: "",
          "font-size": 10,
          color: "#425563",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.9,
          "text-background-padding": 2,
        },
      },
      { selector: "edge.derived", style: { "line-style": "dashed" } },
      { selector: "edge.near", style: { label: "data(verb)", "line-color": "#425563", "target-arrow-color": "#425563" } },
      {
        selector: "edge:selected",
        style: { label: "data(verb)", "line-color": "#ffb81c", "target-arrow-color": "#ffb81c", width: 5 },
      },
    ],
  });

  function addNode(n, near) {
    const prior = nodeData.get(n.id) || {};
    const merged = Object.assign({}, prior, n);
    nodeData.set(n.id, merged);
    const kind = KINDS[n.__typename] || KINDS.Source;
    const existing = cy.getElementById(n.id);
    const data = {
      id: n.id,
      type: n.__typename,
      colour: kind.colour,
      shape: kind.shape,
      short: short(labelOf(merged), 40),
    };
    if (existing.nonempty()) {
      existing.data(data);
      return existing;
    }
    const position = near
      ? { x: near.x + (Math.random() - 0.5) * 160, y: near.y + (Math.random() - 0.5) * 160 }
      : { x: 0, y: 0 };
    return cy.add({ group: "nodes", data, position });
  }

  function verbOf(rel, role) {
    const first = (rel || "").split(",")[0];
    if (first === "CONTRIBUTED_TO") return role ? role : "worked on";
    return (
      {
        WORKS_AT: "works at",
        AUTHORED: "wrote",
        KNOWS_ABOUT: "knows about",
        MENTIONS: "mentions",
        ADDRESSES: "addresses",
        USES_METHOD: "uses method",
        LEARNED: "learned about",
        OWNED_BY: "owned by",
        CITES: "cites",
        FROM: "lesson from",
        SIMILAR_TO: "similar to",
        FROM_SOURCE: "read from",
      }[first] || first.toLowerCase()
    );
  }

  function addEdge(centreId, spec, edge) {
    const other = edge.node.id;
    const [source, target] = spec.dir === "out" ? [centreId, other] : [other, centreId];
    const rel = edge.relationship || spec.rel;
    // SIMILAR_TO is stored both ways; draw it once.
    const pair = rel === "SIMILAR_TO" ? [source, target].sort() : [source, target];
    const id = `${pair[0]}|${rel}|${pair[1]}`;
    const data = {
      id,
      source: pair[0],
      target: pair[1],
      rel,
      role: edge.role,
      score: edge.score,
      weight: edge.score === null || edge.score === undefined ? 0.3 : Math.min(1, edge.score),
      verb: verbOf(rel, edge.role),
    };
    const existing = cy.getElementById(id);
    if (existing.nonempty()) return existing;
    const added = cy.add({ group: "edges", data });
    if (rel === "KNOWS_ABOUT" || rel === "SIMILAR_TO") added.addClass("derived");
    return added;
  }

  function addLinks(centre, field, spec, conn, near) {
    const fresh = [];
    for (const edge of conn.edges) {
      if (cy.getElementById(edge.node.id).empty()) fresh.push(edge.node.id);
      addNode(edge.node, near);
      addEdge(centre.id, spec, edge);
    }
    return fresh;
  }

  function relayout(focusIds) {
    emptyEl.hidden = cy.nodes().length > 0;
    const layout = cy.layout({
      name: "cose",
      animate: false,
      randomize: false,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 150,
      nodeRepulsion: () => 40000,
      gravity: 0.2,
      numIter: 800,
      // Spread over the canvas's own shape, so a wide window gets a wide picture.
      boundingBox: { x1: 0, y1: 0, w: cy.width(), h: cy.height() },
    });
    layout.run();
    // A big picture is fitted around what was just opened, so its new neighbours are readable.
    if (focusIds && focusIds.length && cy.nodes().length > 80) {
      const focus = cy.collection(focusIds.map((id) => cy.getElementById(id)));
      cy.fit(focus.closedNeighborhood(), 60);
    }
  }

  async function expand(id) {
    if (expanded.has(id)) return expanded.get(id);
    busy(1, "Loading neighbours\u2026");
    try {
      const data = await gql(NEIGHBOURHOOD, { id, first: PAGE });
      const node = data.node;
      if (!node) throw new Error("That item is no longer in the graph, or is not visible to you.");
      const centre = addNode(node);
      centre.addClass("expanded");
      const near = centre.position();
      const links = {};
      for (const spec of LINKS[node.__typename] || []) {
        const conn = node[spec.field];
        if (!conn) continue;
        links[spec.field] = { spec, totalCount: conn.totalCount, pageInfo: conn.pageInfo, edges: conn.edges.slice() };
        addLinks(node, spec.field, spec, conn, near);
      }
      const entry = { links };
      expanded.set(id, entry);
      relayout([id]);
      showError(null);
      return entry;
    } finally {
      busy(-1);
    }
  }

  async function loadMore(id, field) {
    const entry = expanded.get(id);
    const link = entry && entry.links[field];
    if (!link || !link.pageInfo.hasNextPage) return;
    const type = nodeData.get(id).__typename;
    busy(1, "Loading more\u2026");
    try {
      const data = await gql(morePage(type, field), { id, first: PAGE, after: link.pageInfo.endCursor });
      const conn = data.node && data.node[field];
      if (!conn) return;
      link.edges = link.edges.concat(conn.edges);
      link.pageInfo = conn.pageInfo;
      link.totalCount = conn.totalCount;
      addLinks(data.node, field, link.spec, conn, cy.getElementById(id).position());
      relayout([id]);
      renderNode(id);
    } catch (err) {
      showError(err);
    } finally {
      busy(-1);
    }
  }

  // ---- details panel -----------------------------------------------------------------------------------
  function badge(type) {
    return el("span", { class: `badge kind-${type}` }, (KINDS[type] || {}).label || type);
  }

  function nodeLink(n) {
    return el(
      "a",
      {
        href: "#",
        onclick: (ev) => {
          ev.preventDefault();
          focusNode(n.id);
        },
      },
      labelOf(n),
    );
  }

  function facts(n) {
    const rows = [];
    const add = (label, value) => {
      if (value !== null && value !== undefined && value !== "") rows.push(el("dt", {}, label), el("dd", {}, value));
    };
    add("Kind", n.__typename === "Concept" ? n.kind : null);
    add("Job title", n.role);
    add("Type", n.__typename === "Organisation" ? n.type : null);
    add("Organisation", n.organisationName);
    add("Date", n.date ? n.date + (n.endDate ? ` to ${n.endDate}` : "") : null);
    add("Status", n.status);
    add("Outcome", window.kmob.outcomeLabel(n.outcome));
    add("Evidence level", n.level);
    const name = labelOf(n).toLowerCase();
    const aliases = [...new Set((n.aliases || []).filter((a) => a.toLowerCase() !== name))];
    add("Also called", aliases.length ? aliases.slice(0, 6).join(", ") : null);
    add("Visibility", n.visibility && n.visibility !== "public" ? n.visibility : null);
    add("Ingested", n.ingestedAt);
    add("Graph id", el("code", {}, n.key));
    return el("dl", {}, rows);
  }

  function renderNode(id) {
    const n = nodeData.get(id);
    if (!n) return;
    const entry = expanded.get(id);
    const parts = [badge(n.__typename), el("h2", {}, labelOf(n)), facts(n)];
    if (n.summary) parts.push(el("p", { class: "small" }, short(n.summary, 600)));
    const actions = el(
      "div",
      { class: "actions" },
      el("button", { type: "button", class: "secondary", onclick: () => startFrom(id) }, "Start from here"),
      el(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            cy.getElementById(id).remove();
            expanded.delete(id);
            details.replaceChildren(el("h2", {}, "Details"), el("p", { class: "muted" }, "Removed from the picture."));
          },
        },
        "Remove",
      ),
    );
    parts.push(actions);
    if (!entry) {
      parts.push(el("p", { class: "muted" }, "Loading its links\u2026"));
    } else {
      for (const [field, link] of Object.entries(entry.links)) {
        if (!link.totalCount) continue;
        parts.push(el("h3", {}, `${link.spec.heading} (${link.totalCount})`));
        parts.push(
          el(
            "ul",
            { class: "links" },
            link.edges.map((e) =>
              el(
                "li",
                {},
                nodeLink(e.node),
                e.role ? el("span", { class: "muted" }, ` \u2014 ${e.role}`) : null,
                e.score !== null && e.score !== undefined
                  ? el("span", { class: "muted small" }, ` (score ${e.score.toFixed(2)})`)
                  : null,
              ),
            ),
          ),
        );
        if (link.pageInfo.hasNextPage) {
          parts.push(
            el(
              "button",
              { type: "button", class: "secondary", onclick: () => loadMore(id, field) },
              `Show more (${link.totalCount - link.edges.length} left)`,
            ),
          );
        }
      }
      if (!Object.values(entry.links).some((l) => l.totalCount)) {
        parts.push(el("p", { class: "muted" }, "No links visible to you."));
      }
    }
    details.replaceChildren(...parts);
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The sentences of a document that name the other end of a link, with the names marked.
  function snippets(text, terms, max) {
    if (!text) return [];
    const usable = terms.filter((t) => t && t.length >= 3);
    if (!usable.length) return [];
    const pattern = new RegExp(
      "\\b(" + usable.sort((a, b) => b.length - a.length).map(escapeRegExp).join("|") + ")\\b",
      "gi",
    );
    const sentences = text.replace(/\s+/g, " ").split(/(?<=[.!?])\s+(?=[A-Z0-9"\u201c(])/);
    const found = [];
    for (const sentence of sentences) {
      pattern.lastIndex = 0;
      if (!pattern.test(sentence)) continue;
      const pieces = [];
      let last = 0;
      pattern.lastIndex = 0;
      for (const match of sentence.matchAll(pattern)) {
        pieces.push(sentence.slice(last, match.index), el("mark", {}, match[0]));
        last = match.index + match[0].length;
      }
      pieces.push(sentence.slice(last));
      found.push(el("blockquote", {}, ...pieces));
      if (found.length >= max) break;
    }
    return found;
  }

  function sentenceFor(edge, source, target) {
    const s = labelOf(source);
    const t = labelOf(target);
    const rels = edge.data("rel").split(",");
    const role = edge.data("role");
    switch (rels[0]) {
      case "CONTRIBUTED_TO":
        return role === "lead"
          ? `${s} led the project \u201c${t}\u201d.`
          : role === "sponsor"
            ? `${s} sponsored the project \u201c${t}\u201d.`
            : `${s} worked on the project \u201c${t}\u201d${role && role !== "member" ? " as " + role : ""}.`;
      case "AUTHORED":
        return `${s} wrote \u201c${t}\u201d.`;
      case "WORKS_AT":
        return `${s} works at ${t}${role ? " as " + role : ""}.`;
      case "KNOWS_ABOUT":
        return `kmob infers that ${s} knows about ${t} from the work they led, joined or wrote (derived link).`;
      case "SIMILAR_TO":
        return `\u201c${s}\u201d and \u201c${t}\u201d are similar projects (derived link).`;
      case "FROM":
        return `The lesson \u201c${s}\u201d was learned on the project \u201c${t}\u201d.`;
      case "CITES":
        return `\u201c${s}\u201d cites \u201c${t}\u201d.`;
      case "OWNED_BY":
        return `\u201c${s}\u201d comes from ${t}.`;
      default: {
        const verbs = rels.map((r) => verbOf(r)).join(", ");
        return `\u201c${s}\u201d ${verbs} ${t}.`;
      }
    }
  }

  async function renderEdge(edge) {
    const source = nodeData.get(edge.data("source"));
    const target = nodeData.get(edge.data("target"));
    const rel = edge.data("rel");
    const score = edge.data("score");
    const head = [
      el("h2", {}, "Why this link exists"),
      el("p", { class: "why" }, sentenceFor(edge, source, target)),
      el(
        "dl",
        {},
        el("dt", {}, "From"),
        el("dd", {}, badge(source.__typename), " ", nodeLink(source)),
        el("dt", {}, "To"),
        el("dd", {}, badge(target.__typename), " ", nodeLink(target)),
        el("dt", {}, "Relationship"),
        el("dd", {}, el("code", {}, rel)),
        edge.data("role") ? [el("dt", {}, "Role"), el("dd", {}, edge.data("role"))] : null,
        score !== null && score !== undefined ? [el("dt", {}, "Score"), el("dd", {}, score.toFixed(2))] : null,
      ),
    ];
    const body = el("div", {}, el("p", { class: "muted" }, "Finding the supporting text\u2026"));
    details.replaceChildren(...head, body);
    try {
      const evidence = await provenance(edge, source, target);
      if (edge.selected()) body.replaceChildren(...evidence);
    } catch (err) {
      body.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
    }
  }

  const DOCUMENT_TYPES = new Set(["Project", "Lesson", "Evidence"]);

  async function provenance(edge, source, target) {
    const rel = edge.data("rel");
    if (rel === "KNOWS_ABOUT") {
      const data = await gql(EXPERT_BASIS, { topic: target.key });
      const match = data.experts.edges.find((e) => e.person.id === source.id);
      if (!match || !match.because.length) {
        return [el("p", { class: "muted" }, "The expert ranking lists no supporting documents for this person.")];
      }
      return [
        el("h3", {}, "Because"),
        el(
          "ul",
          { class: "links" },
          match.because.map((b) => el("li", {}, b.sentence, " ", el("span", { class: "muted" }, "\u2014 "), nodeLink(b.document))),
        ),
      ];
    }
    if (rel === "SIMILAR_TO") {
      const data = await gql(SIMILAR_WHY, { project: source.id });
      const match = data.relatedProjects.find((r) => r.project.id === target.id);
      if (!match) return [el("p", { class: "muted" }, "Not among the closest related projects any more.")];
      return [
        el("blockquote", {}, match.why),
        el("dl", {}, el("dt", {}, "Shared"), el("dd", {}, match.sharedConcepts.join(", ") || "\u2014"),
          el("dt", {}, "Its outcome"), el("dd", {}, match.outcomeLabel)),
      ];
    }
    const doc = DOCUMENT_TYPES.has(source.__typename) ? source : DOCUMENT_TYPES.has(target.__typename) ? target : null;
    if (!doc) return [];
    const other = doc === source ? target : source;
    const data = await gql(DOCUMENT_TEXT, { doc: doc.id, other: other.id });
    const names = [labelOf(data.other)].concat(data.other.aliases || []);
    if (other.__typename === "Person") {
      const surname = labelOf(data.other).split(" ").pop();
      if (surname && surname.length > 3) names.push(surname);
    }
    const text = (data.doc && (data.doc.text || data.doc.summary)) || "";
    const quotes = snippets(text, names, 3);
    const out = [el("h3", {}, quotes.length ? `In \u201c${labelOf(doc)}\u201d` : "Supporting text")];
    if (quotes.length) out.push(...quotes);
    else out.push(el("p", { class: "muted" }, "The document does not name it word for word; the link comes from the record itself."));
    const paths = ((data.doc && data.doc.sources && data.doc.sources.edges) || []).map((e) => e.node.path);
    if (paths.length) out.push(el("p", { class: "small muted" }, "Source: ", el("code", {}, paths.join(", "))));
    return out;
  }

  // ---- interactions ------------------------------------------------------------------------------------
  async function focusNode(id) {
    cy.elements().unselect();
    const target = cy.getElementById(id);
    if (target.nonempty()) target.select();
    renderNode(id);
    try {
      await expand(id);
      if (cy.getElementById(id).selected()) renderNode(id);
      markNear(id);
    } catch (err) {
      showError(err);
    }
  }

  function markNear(id) {
    cy.edges().removeClass("near");
    cy.getElementById(id).connectedEdges().addClass("near");
  }

  async function startFrom(id) {
    const n = nodeData.get(id);
    cy.elements().remove();
    expanded.clear();
    if (n) addNode(n).addClass("root");
    history.replaceState(null, "", "?node=" + encodeURIComponent(id));
    await focusNode(id);
    cy.getElementById(id).addClass("root");
  }

  cy.on("tap", "node", (evt) => focusNode(evt.target.id()));
  cy.on("tap", "edge", (evt) => {
    cy.edges().removeClass("near");
    renderEdge(evt.target);
  });
  cy.on("mouseover", "edge", (evt) => evt.target.addClass("near"));
  cy.on("mouseout", "edge", (evt) => {
    const sel = cy.nodes(":selected");
    if (!sel.nonempty() || !sel.connectedEdges().contains(evt.target)) evt.target.removeClass("near");
  });

  document.getElementById("fit").addEventListener("click", () => cy.fit(undefined, 40));
  document.getElementById("clear").addEventListener("click", () => {
    cy.elements().remove();
    expanded.clear();
    emptyEl.hidden = false;
    history.replaceState(null, "", location.pathname);
    details.replaceChildren(el("h2", {}, "Details"), el("p", { class: "muted" }, "Search to start again."));
  });

  // ---- search ------------------------------------------------------------------------------------------
  const form = document.getElementById("search-form");
  const input = document.getElementById("search");
  const kindSelect = document.getElementById("kind");
  const results = document.getElementById("results");

  // With `openExact`, a result whose name is exactly the query opens at once (links from the dashboard).
  async function runSearch(openExact) {
    const query = input.value.trim();
    results.replaceChildren();
    if (!query) return;
    busy(1, "Searching\u2026");
    try {
      const kinds = kindSelect.value ? [kindSelect.value] : null;
      const data = await gql(SEARCH, { query, kinds, first: 10 });
      const edges = data.search.edges;
      if (!edges.length) {
        results.append(el("li", { "aria-disabled": "true" }, `Nothing matches \u201c${query}\u201d.`));
        return;
      }
      const exact = openExact === true && edges.find((e) => labelOf(e.node).toLowerCase() === query.toLowerCase());
      if (exact) {
        nodeData.set(exact.node.id, Object.assign({}, nodeData.get(exact.node.id) || {}, exact.node));
        startFrom(exact.node.id);
        return;
      }
      for (const edge of edges) {
        const n = edge.node;
        const li = el(
          "li",
          { role: "option", tabindex: "0", "data-id": n.id },
          badge(n.__typename),
          el("span", { class: "title" }, labelOf(n)),
          n.role || n.kind || n.date
            ? el("span", { class: "muted small" }, " \u2014 " + [n.role, n.kind, n.date].filter(Boolean).join(", "))
            : null,
          n.summary ? el("span", { class: "snippet" }, short(n.summary, 140)) : null,
        );
        const choose = () => {
          results.replaceChildren();
          nodeData.set(n.id, Object.assign({}, nodeData.get(n.id) || {}, n));
          startFrom(n.id);
        };
        li.addEventListener("click", choose);
        li.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter") choose();
        });
        results.append(li);
      }
      showError(null);
    } catch (err) {
      showError(err);
    } finally {
      busy(-1);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    runSearch(false);
  });
  let debounce = null;
  input.addEventListener("input", () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => runSearch(false), 300);
  });
  kindSelect.addEventListener("change", () => runSearch(false));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") results.replaceChildren();
  });
  document.addEventListener("click", (ev) => {
    if (!form.contains(ev.target)) results.replaceChildren();
  });
  document.addEventListener("kmob:apikey", () => {
    const root = cy.nodes(".root");
    if (root.nonempty()) startFrom(root.id());
  });

  // ---- legend and start --------------------------------------------------------------------------------
  const legend = document.getElementById("legend");
  for (const [type, kind] of Object.entries(KINDS)) {
    if (type !== "Source") legend.append(el("span", { class: `badge kind-${type}` }, kind.label));
  }
  window.kmob.mountKeyControl(document.getElementById("key-control"));
  // Tests and scripts read the drawing through this handle; the page itself never needs it.
  window.kmobExplore = { cy, expanded };

  const params = new URLSearchParams(location.search);
  if (params.get("node")) {
    startFrom(params.get("node"));
  } else if (params.get("q")) {
    input.value = params.get("q");
    if (params.get("kind")) kindSelect.value = params.get("kind");
    runSearch(true);
  }
})();
