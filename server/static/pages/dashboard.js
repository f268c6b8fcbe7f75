// /dashboard: Chart.js pictures of the `dashboard` GraphQL query, nothing else.
"use strict";

(function () {
  const { el, gql } = window.kmob;
  const Chart = window.Chart;

  const QUERY = `
query Dashboard($top: Int!) {
  dashboard(top: $top) {
    totals { people organisations projects lessons evidence concepts sources relationships }
    uncitedEvidence
    byMonth { month projects lessons evidence }
    topConcepts { key name kind documents }
    byOrganisation { key name projects lessons evidence people }
    byConceptKind { kind concepts documents }
    projectsWithoutEvidence { key name kind projects evidence }
    evidenceWithoutProjects { key name kind projects evidence }
  }
}`;

  const COLOURS = {
    projects: "#007f3b",
    lessons: "#ed8b00",
    evidence: "#7c2855",
    people: "#005eb8",
    gapProjects: "#d5281b",
    gapEvidence: "#330072",
  };
  const KIND_COLOURS = {
    Condition: "#d5281b",
    Intervention: "#007f3b",
    QIMethod: "#005eb8",
    KMTechnique: "#330072",
    Setting: "#768692",
    Outcome: "#ed8b00",
    Topic: "#00a499",
  };
  const TOP_ORGANISATIONS = 12;

  Chart.defaults.font.family = 'Arial, "Helvetica Neue", "Liberation Sans", sans-serif';
  Chart.defaults.font.size = 12;
  Chart.defaults.color = "#212b32";
  Chart.defaults.animation = false; // instant, so a resize or a screenshot never catches bars mid-way
  Chart.defaults.maintainAspectRatio = false;

  const charts = {};
  window.kmobDashboard = { charts, ready: false };

  function exploreLink(name, kind) {
    const params = new URLSearchParams({ q: name });
    if (kind) params.set("kind", kind);
    return "/explore?" + params.toString();
  }

  // Every month from the first to the last, so quiet months show as gaps rather than vanish.
  function fillMonths(rows) {
    if (!rows.length) return [];
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    const [y0, m0] = rows[0].month.split("-").map(Number);
    const [y1, m1] = rows[rows.length - 1].month.split("-").map(Number);
    const out = [];
    for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
      const key = `${y}-${String(m).padStart(2, "0")}`;
      out.push(byMonth.get(key) || { month: key, projects: 0, lessons: 0, evidence: 0 });
    }
    return out;
  }

  function monthLabel(key) {
    const [y, m] = key.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  }

  function renderTotals(d) {
    const t = d.totals;
    const tiles = [
      ["People", t.people],
      ["Organisations", t.organisations],
      ["Projects", t.projects],
      ["Lessons", t.lessons],
      ["Evidence", t.evidence],
      ["Topics and methods", t.concepts],
      ["Evidence no project cites", d.uncitedEvidence],
      ["Links", t.relationships],
    ];
    document
      .getElementById("totals")
      .replaceChildren(
        ...tiles.map(([label, n]) =>
          el("div", { class: "tile" }, el("div", { class: "n" }, n.toLocaleString("en-GB")), el("div", { class: "label" }, label)),
        ),
      );
  }

  function renderMonths(rows) {
    const months = fillMonths(rows);
    charts.months = new Chart(document.getElementById("chart-months"), {
      type: "bar",
      data: {
        labels: months.map((r) => monthLabel(r.month)),
        datasets: ["projects", "lessons", "evidence"].map((key) => ({
          label: key[0].toUpperCase() + key.slice(1),
          data: months.map((r) => r[key]),
          backgroundColor: COLOURS[key],
          stack: "all",
        })),
      },
      options: {
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Documents" } },
        },
        plugins: { legend: { position: "top", align: "end" } },
      },
    });
  }

  function horizontalBar(canvas, labels, datasets, onPick) {
    return new Chart(canvas, {
      type: "bar",
      data: { labels, datasets },
      options: {
        indexAxis: "y",
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: true, ticks: { autoSkip: false } },
        },
        plugins: { legend: { position: "top", align: "end", display: datasets.length > 1 } },
        onClick: (evt, elements) => {
          if (elements.length && onPick) onPick(elements[0].index);
        },
        onHover: (evt, elements) => {
          evt.native.target.style.cursor = elements.length && onPick ? "pointer" : "default";
        },
      },
    });
  }

  function renderConcepts(rows) {
    charts.concepts = horizontalBar(
      document.getElementById("chart-concepts"),
      rows.map((r) => `${r.name} (${r.kind || "concept"})`),
      [
        {
          label: "Documents",
          data: rows.map((r) => r.documents),
          backgroundColor: rows.map((r) => KIND_COLOURS[r.kind] || "#425563"),
        },
      ],
      (i) => (window.location.href = exploreLink(rows[i].name, "CONCEPT")),
    );
  }

  // Long NHS names, shortened the usual way and wrapped, so the bars keep their room.
  function orgLabel(name) {
    const shortName = name
      .replace(/NHS Foundation Trust$/, "NHS FT")
      .replace(/University Hospitals?/, "Univ. Hospitals")
      .replace(/Integrated Care Board$/, "ICB");
    const lines = [];
    let line = "";
    for (const word of shortName.split(" ")) {
      if (line && (line + " " + word).length > 30) {
        lines.push(line);
        line = word;
      } else line = line ? line + " " + word : word;
    }
    lines.push(line);
    return lines;
  }

  function renderOrganisations(all) {
    const rows = all.slice(0, TOP_ORGANISATIONS);
    charts.organisations = horizontalBar(
      document.getElementById("chart-orgs"),
      rows.map((r) => orgLabel(r.name)),
      ["projects", "lessons", "evidence"].map((key) => ({
        label: key[0].toUpperCase() + key.slice(1),
        data: rows.map((r) => r[key]),
        backgroundColor: COLOURS[key],
      })),
      (i) => (window.location.href = exploreLink(rows[i].name, "ORGANISATION")),
    );
    charts.organisations.options.plugins.tooltip = {
      callbacks: { footer: (items) => (items.length ? `${rows[items[0].dataIndex].people} people work here` : "") },
    };
    charts.organisations.update();
  }

  function renderGaps(noEvidence, noProjects) {
    const rows = noEvidence
      .map((g) => Object.assign({ gap: "no evidence" }, g))
      .concat(noProjects.map((g) => Object.assign({ gap: "no project" }, g)));
    charts.gaps = horizontalBar(
      document.getElementById("chart-gaps"),
      rows.map((r) => `${r.name} (${r.kind || "concept"})`),
      [
        {
          label: "Projects with no evidence on the topic",
          data: rows.map((r) => (r.gap === "no evidence" ? r.projects : 0)),
          backgroundColor: COLOURS.gapProjects,
        },
        {
          label: "Evidence with no project on the topic",
          data: rows.map((r) => (r.gap === "no project" ? r.evidence : 0)),
          backgroundColor: COLOURS.gapEvidence,
        },
      ],
      (i) => (window.location.href = exploreLink(rows[i].name, "CONCEPT")),
    );
    const table = document.getElementById("gaps-table");
    const head = el(
      "thead",
      {},
      el("tr", {}, el("th", {}, "Topic"), el("th", {}, "Kind"), el("th", {}, "Gap"),
        el("th", { class: "num" }, "Projects"), el("th", { class: "num" }, "Evidence")),
    );
    const body = el(
      "tbody",
      {},
      rows.map((r) =>
        el(
          "tr",
          {},
          el("td", {}, el("a", { href: exploreLink(r.name, "CONCEPT") }, r.name)),
          el("td", {}, r.kind || ""),
          el("td", {}, r.gap === "no evidence" ? "projects, no evidence" : "evidence, no project"),
          el("td", { class: "num" }, r.projects),
          el("td", { class: "num" }, r.evidence),
        ),
      ),
    );
    table.replaceChildren(head, body);
    if (!rows.length) {
      document.getElementById("gaps-about").textContent =
        "No gaps: every topic with projects has evidence, and every topic with evidence has a project.";
    }
  }

  function renderKinds(rows) {
    charts.kinds = new Chart(document.getElementById("chart-kinds"), {
      type: "bar",
      data: {
        labels: rows.map((r) => r.kind),
        datasets: [
          { label: "Concepts", data: rows.map((r) => r.concepts), backgroundColor: "#00a499" },
          { label: "Documents about them", data: rows.map((r) => r.documents), backgroundColor: "#005eb8" },
        ],
      },
      options: {
        scales: { x: { ticks: { maxRotation: 0, autoSkip: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "top", align: "end" } },
      },
    });
  }

  async function load() {
    for (const chart of Object.values(charts)) chart.destroy();
    for (const key of Object.keys(charts)) delete charts[key];
    const errorEl = document.getElementById("error");
    try {
      const data = await gql(QUERY, { top: 15 });
      const d = data.dashboard;
      renderTotals(d);
      renderMonths(d.byMonth);
      renderConcepts(d.topConcepts);
      renderOrganisations(d.byOrganisation);
      renderGaps(d.projectsWithoutEvidence, d.evidenceWithoutProjects);
      renderKinds(d.byConceptKind);
      errorEl.textContent = "";
      document.getElementById("generated").textContent =
        "Read at " + new Date().toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) + ".";
    } catch (err) {
      errorEl.textContent = "The dashboard could not be read: " + (err.message || err);
    } finally {
      window.kmobDashboard.ready = true;
      document.body.dataset.ready = "true";
    }
  }

  window.kmob.mountKeyControl(document.getElementById("key-control"));
  document.addEventListener("kmob:apikey", load);
  load();
})();
