/**
 * What capacity.html adds to the run report's stylesheet (inlined after it): table headings
 * that may wrap, since the steps table has ten numeric columns that must fit a printed page,
 * and a verdict that stands out.
 */
export const CAPACITY_CSS = `
th.num { white-space: normal; }
#verdict { font-size: 16px; }
`;
