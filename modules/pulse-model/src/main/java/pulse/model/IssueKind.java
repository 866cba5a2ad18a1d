package pulse.model;

/** What a blocker that needs the county's help is about (问题清单). */
public enum IssueKind {
    LAND, FUNDING, APPROVAL, OTHER
}
