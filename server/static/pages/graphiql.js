// Boots GraphiQL (vendored, offline) with one tab per everyday question and an API key header to fill in.
"use strict";

(function () {
  const KEY_PLACEHOLDER = "Bearer <paste a key from: kmob keys create --role reader>";

  // The headers pane is strict JSON (no comments), so the example header carries a placeholder that the
  // fetcher drops until a real key replaces it.
  function defaultHeaders() {
    const saved = window.localStorage.getItem("kmob.apiKey");
    return JSON.stringify({ Authorization: saved ? "Bearer " + saved : KEY_PLACEHOLDER }, null, 2);
  }

  const INTRO = `# kmob: one tab per everyday question (tabs above).
# Run: Ctrl-Enter or the play button; variables below.
# API key: Headers pane, "Authorization": "Bearer <key>".
`;

  const EXAMPLES = [
    {
      query: `${INTRO}
# Who in our region has worked on a topic?
# Ranked people and the work that shows it. Topic: free
# text ("Plan-Do-Study-Act") or a concept id (qi_method:pdsa).
query ExpertsOnTopic($topic: String!) {
  experts(topic: $topic, first: 5) {
    topics { key name kind }
    totalCount
    edges {
      score
      person { name role }
      organisation { name }
      because { role sentence document { title } }
    }
  }
}
`,
      variables: { topic: "sepsis" },
    },
    {
      query: `${INTRO}
# How are two people connected? Shortest chains through
# shared projects, employers, co-authorship and topics.
# Ids: a Person's \`key\` or \`id\` (see the Search tab).
query HowTwoPeopleConnect($from: ID!, $to: ID!) {
  connection(from: $from, to: $to, maxHops: 4) {
    found
    from { name }
    to { name }
    chains {
      hops
      sentence
      steps { link sentence }
    }
  }
}
`,
      variables: { from: "person:dominika-kaur", to: "person:zofia-kellett" },
    },
    {
      query: `${INTRO}
# Has anyone already tried this? Prior projects like a new
# description, why they match and what they achieved.
query RelatedProjects($text: String!) {
  relatedProjects(text: $text, first: 5) {
    score
    why
    sharedConcepts
    outcomeLabel
    didNotWork
    project { title date organisationName }
    lessons { title summary }
  }
}
`,
      variables: {
        text:
          "We plan a PDSA on discharge delays: a discharge checklist and daily board rounds on the medical wards.",
      },
    },
    {
      query: `${INTRO}
# What is the evidence and good practice on a topic?
# Strongest first; what did not work is labelled DID_NOT_WORK.
query GoodPractice($topic: String!) {
  goodPractice(topic: $topic, first: 8) {
    topics { name }
    items {
      verdict
      outcomeLabel
      strength
      why
      document { __typename title date }
      fromProject { title }
    }
  }
}
`,
      variables: { topic: "pressure ulcer prevention" },
    },
    {
      query: `${INTRO}
# Dashboard totals: the graph at a glance, top topics, gaps.
query DashboardTotals {
  dashboard(top: 5) {
    totals { people organisations projects lessons evidence concepts sources relationships }
    uncitedEvidence
    topConcepts { name kind documents }
    projectsWithoutEvidence { name projects }
    evidenceWithoutProjects { name evidence }
  }
}
`,
      variables: null,
    },
    {
      query: `${INTRO}
# Find anything by name or words: people, organisations,
# projects, lessons, evidence, topics and methods.
query Search($q: String!) {
  search(query: $q, first: 10) {
    totalCount
    edges {
      score
      node {
        __typename
        key
        ... on Person { name role }
        ... on Organisation { name }
        ... on Document { title date }
        ... on Concept { name kind }
      }
    }
  }
}
`,
      variables: { q: "falls" },
    },
  ];

  const params = new URLSearchParams(window.location.search);
  const tabs = EXAMPLES.map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : "",
    headers: defaultHeaders(),
  }));
  // A shared link (?query=...&variables=...) opens as the first tab, as GraphiQL links do elsewhere.
  if (params.get("query")) {
    tabs.unshift({ query: params.get("query"), variables: params.get("variables") || "", headers: defaultHeaders() });
  }

  // GraphiQL 3 fills the editors of the first tab from its own storage, not from `defaultTabs`: on a first
  // visit (no saved tabs) seed that storage so the first example opens with its variables.
  if (window.localStorage.getItem("graphiql:tabState") === null) {
    window.localStorage.setItem("graphiql:variables", tabs[0].variables);
  }

  const fetchURL = window.location.origin + window.location.pathname;
  const base = GraphiQL.createFetcher({ url: fetchURL });

  function fetcher(graphQLParams, opts) {
    const headers = Object.assign({}, (opts && opts.headers) || {});
    for (const name of Object.keys(headers)) {
      const value = String(headers[name]);
      if (value.includes("<") || value.trim() === "" || value.trim() === "Bearer") delete headers[name];
    }
    return base(graphQLParams, Object.assign({}, opts, { headers }));
  }

  const explorerPlugin = GraphiQLPluginExplorer.explorerPlugin();

  function App() {
    return React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs,
      defaultHeaders: defaultHeaders(),
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      inputValueDeprecation: true,
      plugins: [explorerPlugin],
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(App));
})();
