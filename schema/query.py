"""Root Query: node lookup, search and the questions users ask."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.queries import connection as connection_q
from graph.queries.dashboard import dashboard as dashboard_q
from graph.queries.experts import experts as experts_q
from graph.queries.good_practice import good_practice as good_practice_q
from graph.queries.nodes import NodeRef
from graph.queries.related import related_projects as related_q
from graph.queries.search import search as search_q
from graph.queries.stats import graph_totals
from schema import answers as a
from schema import explain
from schema.context import ctx, run_sync
from schema.errors import NotFound, UserError
from schema.privacy import WITHHELD
from schema.relay import KNOWN_TYPES, from_global_id, page_info, page_window, raw_id, to_cursor
from schema.topics import concept_ids_in, topic_of
from schema.types import Node, NodeKind, Project, Stats, outcome_of, to_node

MAX_CHAINS = 10


def _verdict(kind: str, outcome: str | None) -> a.Verdict:
    # Checked first: evidence that a change made no difference is not a recommendation either.
    if explain.did_not_work(outcome):
        return a.Verdict.DID_NOT_WORK
    if kind == "Evidence":
        return a.Verdict.EVIDENCE
    return {"improved": a.Verdict.GOOD_PRACTICE, "not_sustained": a.Verdict.NOT_SUSTAINED}.get(
        outcome or "", a.Verdict.UNCLEAR
    )


@strawberry.type
class Query:
    @strawberry.field(description="Fetch any object by its global id (null when missing or not visible).")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        type_name, raw = from_global_id(id)
        if type_name not in KNOWN_TYPES:
            raise UserError(f"{id!r} is not a valid id")
        record = await ctx(info).loaders.nodes.load(NodeRef(type_name, raw))
        return to_node(record) if record is not None else None

    @strawberry.field(description="Fetch many objects by global id, in order (null for missing ones).")
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > ctx(info).settings.max_page_size:
            raise UserError(f"at most {ctx(info).settings.max_page_size} ids at once")
        refs = []
        for gid in ids:
            type_name, raw = from_global_id(gid)
            if type_name not in KNOWN_TYPES:
                raise UserError(f"{gid!r} is not a valid id")
            refs.append(NodeRef(type_name, raw))
        records = await ctx(info).loaders.nodes.load_many(refs)
        return [to_node(r) if r is not None else None for r in records]

    @strawberry.field(description="Full-text search over people, organisations, documents and concepts, ranked.")
    async def search(
        self,
        info: Info,
        query: str,
        kinds: list[NodeKind] | None = None,
        first: int | None = 10,
        after: str | None = None,
    ) -> a.SearchConnection:
        context = ctx(info)
        skip, limit = page_window(first, after, context.settings)
        labels = [k.value for k in (kinds or list(NodeKind))]
        # Searching for the name of a person the caller may not see must not reveal which documents mention them.
        text = await context.redactor.text(query) or ""
        text = text.replace(WITHHELD, " ")
        page = await run_sync(search_q, context.db, text, labels, skip, limit, context.caller.visible)
        edges = [
            a.SearchEdge(node=to_node(h.node), cursor=to_cursor(skip + i), score=h.score)
            for i, h in enumerate(page.items)
        ]
        return a.SearchConnection(
            edges=edges, page_info=page_info(skip, len(edges), page.total), total_count=page.total
        )

    @strawberry.field(description="People ranked by evidence of knowing a topic (concept id or free text).")
    async def experts(
        self,
        info: Info,
        topic: str,
        organisation: strawberry.ID | None = None,
        first: int | None = 10,
        after: str | None = None,
    ) -> a.ExpertConnection:
        context = ctx(info)
        skip, limit = page_window(first, after, context.settings)
        asked = await topic_of(topic)
        org = raw_id(organisation, ("Organisation",)) if organisation else None
        answer = await run_sync(experts_q, context.db, asked, org, skip, limit, context.caller.visible)
        page = answer.page
        edges = []
        for i, expert in enumerate(page.items):
            person = to_node(expert.person)
            name = expert.person.get("name", "")
            because = [
                a.ExpertSupport(
                    document=to_node(s.document),
                    role=s.role,
                    weight=s.weight,
                    sentence=await context.redactor.text(
                        explain.support_sentence(
                            name,
                            s.role,
                            s.document.label.lower(),
                            s.document.get("title", ""),
                            s.document.get("outcome"),
                        )
                    )
                    or "",
                )
                for s in expert.because
            ]
            edges.append(
                a.ExpertEdge(
                    cursor=to_cursor(skip + i),
                    node=person,
                    person=person,
                    score=round(expert.score, 4),
                    role=expert.person.get("role"),
                    organisation=to_node(expert.organisation) if expert.organisation else None,
                    because=because,
                )
            )
        return a.ExpertConnection(
            topics=[to_node(c) for c in answer.topics],
            edges=edges,
            page_info=page_info(skip, len(edges), page.total),
            total_count=page.total,
        )

    @strawberry.field(description="The shortest meaningful chains between two people, each step in words.")
    async def connection(
        self,
        info: Info,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_hops: int = 4,
        first: int = 3,
    ) -> a.ConnectionAnswer:
        context = ctx(info)
        if not 1 <= max_hops <= connection_q.MAX_HOPS:
            raise UserError(f"`maxHops` must be between 1 and {connection_q.MAX_HOPS}")
        if not 1 <= first <= MAX_CHAINS:
            raise UserError(f"`first` must be between 1 and {MAX_CHAINS} chains")
        answer = await run_sync(
            connection_q.connections,
            context.db,
            raw_id(from_, ("Person",)),
            raw_id(to, ("Person",)),
            max_hops,
            first,
            context.caller.visible,
        )
        # People the caller may not see are reported exactly as missing ones, so the error leaks nothing.
        if answer.source is None:
            raise NotFound("`from`: no person with that id")
        if answer.target is None:
            raise NotFound("`to`: no person with that id")
        chains = []
        for chain in answer.chains:
            steps = []
            for step in chain.steps:
                via_name = step.via.get("name") or step.via.get("title") or step.via.id
                sentence = explain.step_sentence(
                    step.left.get("name", ""),
                    step.right.get("name", ""),
                    via_name,
                    step.rel_type,
                    step.left_role,
                    step.right_role,
                )
                steps.append(
                    a.ChainStep(
                        from_=to_node(step.left),
                        via=to_node(step.via),
                        to=to_node(step.right),
                        link=a.LinkKind(step.rel_type),
                        sentence=await context.redactor.text(sentence) or "",
                    )
                )
            chains.append(a.Chain(hops=len(steps), steps=steps, sentence="; ".join(s.sentence for s in steps) + "."))
        return a.ConnectionAnswer(
            from_=to_node(answer.source), to=to_node(answer.target), found=bool(chains), chains=chains
        )

    @strawberry.field(description="Prior projects like a project (projectId) or a new description (text).")
    async def related_projects(
        self, info: Info, project_id: strawberry.ID | None = None, text: str | None = None, first: int = 10
    ) -> list[a.RelatedProject]:
        context = ctx(info)
        _, limit = page_window(first, None, context.settings)
        if (project_id is None) == (text is None or not text.strip()):
            raise UserError("give exactly one of `projectId` or `text`")
        pid, embedding, concept_ids = None, None, []
        if project_id is not None:
            pid = raw_id(project_id, ("Project",))
        else:
            from nlp.embedding import embed  # same embedding the ingest stores on every document

            embedding = await run_sync(embed, text)
            concept_ids = await run_sync(concept_ids_in, text)
        answer = await run_sync(related_q, context.db, pid, embedding, concept_ids, limit)
        if not answer.found:
            raise NotFound(f"`projectId`: no project with id {project_id!r}")
        out = []
        for r in answer.items:
            outcome = r.project.get("outcome")
            why = explain.related_why(list(r.shared_concepts), r.text_score, outcome, len(r.lessons))
            out.append(
                a.RelatedProject(
                    project=to_node(r.project),
                    score=round(r.score, 4),
                    graph_score=round(r.graph_score, 4),
                    text_score=round(r.text_score, 4),
                    shared_concepts=list(r.shared_concepts),
                    why=await context.redactor.text(why) or "",
                    outcome=outcome_of(outcome),
                    outcome_label=explain.outcome_label(outcome),
                    did_not_work=explain.did_not_work(outcome),
                    lessons=[to_node(lesson) for lesson in r.lessons],
                )
            )
        return out

    @strawberry.field(description="Evidence, lessons and projects on a topic, strongest first; failures labelled.")
    async def good_practice(self, info: Info, topic: str, first: int = 10) -> a.GoodPracticeAnswer:
        context = ctx(info)
        _, limit = page_window(first, None, context.settings)
        answer = await run_sync(good_practice_q, context.db, await topic_of(topic), limit)
        out = []
        for item in answer.items:
            verdict = _verdict(item.document.label, item.outcome)
            kind = item.document.label.lower()
            why = (
                f"{item.document.get('level') or 'evidence'} on {', '.join(item.matched)}"
                if kind == "evidence"
                else f"{kind} on {', '.join(item.matched)}: {explain.outcome_label(item.outcome)}"
            )
            out.append(
                a.PracticeItem(
                    document=to_node(item.document),
                    verdict=verdict,
                    outcome=outcome_of(item.outcome),
                    outcome_label=explain.outcome_label(item.outcome),
                    strength=item.strength,
                    matched_concepts=list(item.matched),
                    from_project=to_node(item.origin) if item.origin is not None else None,
                    why=await context.redactor.text(why) or "",
                )
            )
        return a.GoodPracticeAnswer(topics=[to_node(c) for c in answer.topics], items=out)

    @strawberry.field(description="Counts by concept kind, organisation and month; top concepts; gaps; totals.")
    async def dashboard(self, info: Info, top: int = 10) -> a.Dashboard:
        context = ctx(info)
        _, top = page_window(top, None, context.settings, argument="top")
        d = await run_sync(dashboard_q, context.db, context.caller.visible, top)
        name = context.redactor.text  # organisation and concept names can hold a misfiled person's name

        async def gap(g):
            return a.Gap(key=g.id, name=await name(g.name) or "", kind=g.kind, projects=g.projects, evidence=g.evidence)

        return a.Dashboard(
            by_concept_kind=[
                a.KindCount(kind=k.kind, concepts=k.concepts, documents=k.documents) for k in d.by_concept_kind
            ],
            by_organisation=[
                a.OrganisationCount(
                    key=o.id,
                    name=await name(o.name) or "",
                    projects=o.projects,
                    lessons=o.lessons,
                    evidence=o.evidence,
                    people=o.people,
                )
                for o in d.by_organisation
            ],
            by_month=[
                a.MonthCount(month=m.month, projects=m.projects, lessons=m.lessons, evidence=m.evidence)
                for m in d.by_month
            ],
            top_concepts=[
                a.ConceptCount(key=c.id, name=await name(c.name) or "", kind=c.kind, documents=c.documents)
                for c in d.top_concepts
            ],
            projects_without_evidence=[await gap(g) for g in d.gaps if g.evidence == 0],
            evidence_without_projects=[await gap(g) for g in d.gaps if g.projects == 0],
            uncited_evidence=d.uncited_evidence,
            totals=a.Totals(**vars(d.totals)),
        )

    @strawberry.field(description="Node and relationship counts read from Neo4j (people you may see).")
    async def stats(self, info: Info) -> Stats:
        totals = await run_sync(graph_totals, ctx(info).db, ctx(info).caller.visible)
        return Stats(nodes=totals.nodes, relationships=totals.relationships)

    @strawberry.field(description="Always true when the API answers; use /health for the database.")
    def health(self) -> bool:
        return True


__all__ = ["Query", "Project"]
