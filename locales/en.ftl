# trilogue's interface in English: the fallback of no message (every language has every key;
# tests/… and src/vocabulary/catalogue.rs fail on a missing one).
#
# Variables: $institution is a key (commission, parliament, council, agreement) to select on;
# $name and $position are the institution's name and its position's name in this language;
# $count, $inserted, $deleted, $support, ... are numbers (plural selectors); $date is a date
# already written in this language; percentages arrive with the language's decimal mark.

## Institutions, statuses, stances, roles

institution-commission = Commission
institution-parliament = Parliament
institution-council = Council
institution-agreement = Agreement
institution-full-commission = European Commission
institution-full-parliament = European Parliament
institution-full-council = Council of the European Union
institution-full-agreement = Provisional agreement
position-commission = Commission proposal
position-parliament = Parliament position
position-council = Council position
position-agreement = Provisional agreement
status-proposal = Commission proposal
status-parliament-mandate = Parliament mandate adopted
status-council-mandate = Council mandate adopted
status-trilogue = In trilogue
status-adopted = Adopted
status-withdrawn = Withdrawn
stance-support = supports
stance-oppose = opposes
stance-undecided = undecided
stance-abstain = abstains
stance-unknown = no known position
role-rapporteur = Rapporteur
role-shadow-rapporteur = Shadow rapporteur
role-negotiator = Negotiator
role-presidency = Presidency
role-commissioner = Commissioner
role-official = Official
role-other = Other

## Member states (the EU's short names, protocol order)

country-BE = Belgium
country-BG = Bulgaria
country-CZ = Czechia
country-DK = Denmark
country-DE = Germany
country-EE = Estonia
country-IE = Ireland
country-EL = Greece
country-ES = Spain
country-FR = France
country-HR = Croatia
country-IT = Italy
country-CY = Cyprus
country-LV = Latvia
country-LT = Lithuania
country-LU = Luxembourg
country-HU = Hungary
country-MT = Malta
country-NL = Netherlands
country-AT = Austria
country-PL = Poland
country-PT = Portugal
country-RO = Romania
country-SI = Slovenia
country-SK = Slovakia
country-FI = Finland
country-SE = Sweden

## Dates: chrono patterns (%-d day, %B month name of the language, %Y year)

date-day = %-d %B %Y
date-day-first = %-d %B %Y
date-month = %B %Y

## Lists and counts

list-and = { $rest } and { $last }
provisions-count = { $count } { $count ->
    [one] provision
   *[other] provisions
}
in-main-language = (in { $language ->
    [fr] French
    [de] German
   *[en] English
})

## Phrases of cells, statuses and comparisons

not-in-proposal = Not in the Commission proposal
no-position-yet = No position yet
new-provision-by = New provision inserted by the { $name }
no-change-from-proposal = No change from the Commission proposal
same-as-position-of = Same as the { $position }
deleted = Deleted
text-not-available = Text not available: summary of the position
own-text = Own text
summary-only = Summary only
no-position = no position
new-text = New text
amends-text = Amends the text: { $inserted } { $inserted ->
    [one] word
   *[other] words
} inserted, { $deleted } deleted.
full-text-only = Full text only: see the full-text briefing.
consequences = Consequences
against-proposal = { $position } against the Commission proposal
council-against-parliament = Council position against the Parliament position
positions-published = { $position }: { $count } { $count ->
    [one] provision
   *[other] provisions
}
link-to-paragraph = Link to this paragraph

## The Council page

population-not-recorded = The population figures for { $year } are not recorded; those for { $used } are used.
stances-missing = No stance is recorded for { $missing } of the { $total } member states on this date; they count as not supporting, so this tally shows only what the recorded stances imply.
map-title = Member states' stances on { $date }
council-rule = { $percent }% of { $total } { $total ->
    [one] state
   *[other] states
}
council-qualified-majority = Qualified majority: { $support } supporting { $support ->
    [one] state
   *[other] states
} (at least { $needed } needed, { $rule }) represent { $population }% of the EU population (at least 65% needed).
council-deemed-reached = Qualified majority deemed reached: the { $support } supporting { $support ->
    [one] state represents
   *[other] states represent
} only { $population }% of the EU population, short of 65%, but the { $against } { $against ->
    [one] state
   *[other] states
} not supporting ({ $against_population }%) are fewer than the four needed for a blocking minority.
council-no-support = No qualified majority: no state supports; { $needed } are needed ({ $rule }) representing at least 65% of the EU population.
council-too-few-states = No qualified majority: { $support } { $support ->
    [one] state supports
   *[other] states support
}, short of the { $needed } needed ({ $rule }); { $enough ->
    [yes] they represent { $population }% of the EU population, which would be enough
   *[no] they represent { $population }% of the EU population, also short of 65%
}.
council-population-short = No qualified majority: the { $support } supporting { $support ->
    [one] state represents
   *[other] states represent
} { $population }% of the EU population, short of 65%.
council-population-short-blocking = No qualified majority: the { $support } supporting { $support ->
    [one] state represents
   *[other] states represent
} { $population }% of the EU population, short of 65%; { $against } { $against ->
    [one] state
   *[other] states
} with { $against_population }% form a blocking minority.
council-missing-population = The { $year } population figures give no share for { $names }, counted as 0% of the population.
flip-stop-too-few = If { $names } stopped supporting, there would be no qualified majority: only { $support } { $support ->
    [one] state
   *[other] states
} would support, { $needed } are needed.
flip-stop-blocking = If { $names } stopped supporting, there would be no qualified majority: { $against } { $against ->
    [one] state
   *[other] states
} with { $against_population }% of the EU population would form a blocking minority.
flip-switch-population = If { $names } switched to support, there would be a qualified majority: { $support } { $support ->
    [one] state
   *[other] states
} representing { $population }% of the EU population would support.
flip-switch-no-blocking = If { $names } switched to support, there would be a qualified majority: { $support } { $support ->
    [one] state
   *[other] states
} would support, and only { $against } would remain not supporting, fewer than the four needed for a blocking minority.
flip-search-stopped = (The search stopped after { $cap } combinations of { $k } states; other groups of { $k } may also flip the result.)

## The Council page: meetings and what the recorded stances decide

no-position-on-text = no recorded position on this text
source-label = Source
percent = { $value }%
council-body-working-party = Working party (national experts)
council-body-coreper = Coreper (the member states' ambassadors)
council-body-council = Council (the ministers)
meeting-outcome-adopted = Adopted
meeting-outcome-no-majority = No qualified majority
meeting-outcome-withdrawn = Withdrawn before a vote
meeting-outcome-not-voted = Discussed, not put to a vote
meeting-headline = { $outcome ->
    [adopted] Adopted by
    [no-majority] No qualified majority in
    [withdrawn] Withdrawn from
   *[not-voted] Discussed in
} { $body ->
    [working-party] the working party
    [coreper] Coreper
   *[council] the Council
}{ $outcome ->
    [withdrawn] {" "}before a vote
    [not-voted] , not put to a vote
   *[other] {""}
}
recorded-stance-count = { $count } { $kind ->
    [support] in favour
    [oppose] against
    [abstain] abstaining
   *[undecided] undecided
}
recorded-stances-none = none
recorded-stances = { $scope ->
    [text] Recorded stances on this text
   *[all] Recorded stances
}: { $known }; { $missing ->
    [none] every one of the { $total } states is recorded.
    [all] no recorded position for any of the { $total } states.
   *[some] no recorded position for { $unknown } of the { $total } { $total ->
        [one] state
       *[other] states
    }.
}
unknown-states = { $count } { $count ->
    [one] state
   *[other] states
} with { $scope ->
    [text] no recorded position on this text
   *[all] no recorded position
}
range-verdict = { $case ->
    [passes-all] The recorded stances give a qualified majority.
    [passes] The recorded stances alone give a qualified majority, even if none of the { $unknown_states } supported.
    [fails-all] The recorded stances give no qualified majority.
    [fails-states] The recorded stances alone rule out a qualified majority: { $against } { $against ->
        [one] state is
       *[other] states are
    } recorded as not supporting, so at most { $best } could support, fewer than the { $needed } needed.
    [fails-population] The recorded stances alone rule out a qualified majority: the { $against } { $against ->
        [one] state
       *[other] states
    } recorded as not supporting have { $against_population }% of the EU population, so even with the { $unknown_states } the supporters would have at most { $best_population }%, short of 65%.
   *[open] The recorded stances alone cannot decide it: it depends on the { $unknown_states }. The { $against } { $against ->
        [one] state
       *[other] states
    } recorded as not supporting have { $against_population }% of the EU population, { $few ->
        [yes] too few states
       *[no] too little
    } to block it.
}
range-headline = { $decided ->
    [passes] Qualified majority on the recorded stances
    [fails] No qualified majority on the recorded stances
   *[open] Open: it depends on the { $unknown } { $unknown ->
        [one] state
       *[other] states
    } with no recorded position
}


## Page titles, descriptions and feeds

site-description = How the European Commission, the European Parliament and the Council differ on EU laws, provision by provision.
page-not-found = Page not found
page-not-found-description = This page does not exist.
comparison-table = { $dossier }: comparison table
table-as-of = { $dossier }: positions as of { $date }
table-as-of-description = The { $dossier } comparison table as it stood on { $date }.
topic-page = { $dossier }: { $topic }
topic-description = { $dossier } — provisions on { $topic }
full-texts = { $dossier }: full texts side by side
full-texts-description = The texts of { $dossier } in four columns, with changes against the Commission proposal marked.
sources = { $dossier }: sources
sources-description = The documents cited for { $dossier }.
timeline = { $dossier }: timeline
timeline-description = Every event and every position on { $dossier }, in date order.
council = { $dossier }: the Council and the member states
council-description = Where each government stands on { $dossier } and whether there is a qualified majority.
negotiators = { $dossier }: negotiators
negotiators-description = Who negotiates { $dossier }: rapporteurs, shadow rapporteurs and others.
provision-page = { $dossier } { $reference }: { $title }
feed-of-all = trilogue: all dossiers
dossier-feed = { $dossier }: positions and events
feed-entry = { $reference } { $title }: { $position }

## Briefings: the cover's selection lines and links to them

pdf-to-print = PDF to print (A4, { $count } { $count ->
    [one] provision
   *[other] provisions
})
pdf-of-topic = PDF of this topic (A4, { $count } { $count ->
    [one] provision
   *[other] provisions
})
all-provisions-in-briefing = All provisions in this briefing
provisions-label = Provisions
all-provisions-of-dossier = All { $count } { $count ->
    [one] provision
   *[other] provisions
} of the dossier
provisions-selected = { $count } { $count ->
    [one] provision
   *[other] provisions
} selected
topics-label = { $count ->
    [one] Topic
   *[other] Topics
}
selected-by-reference = Selected by reference
columns-label = Columns
cells-label = Cells
cells-full-text = Full texts, with changes against the Commission proposal marked
cells-summaries = One-line summaries of each position

## Summary rows and tables

not-confirmed-by = Not confirmed by the { $institution ->
    [commission] Commission's later proposal
    [parliament] Parliament's later position
    [agreement] later agreed text
   *[council] Council's later position
} of { $date }
own-number = { $reference } in the { $institution ->
    [commission] Commission proposal
    [parliament] Parliament's text
    [agreement] final act
   *[council] Council's text
}
stand-same = no change
stand-changes = changes it
stand-unknown = no position
between-differ = differ
between-same = agree
between-unknown = unknown
row-page = { $dossier }: { $title }
row-description = { $dossier }, { $title }: each institution's position in summary, and the legal texts it rests on.
provisions-table = { $dossier }: every provision
provisions-table-description = Each institution's position on every provision of { $dossier }, compared with the Commission proposal.
rows = { $count } { $count ->
    [one] row
   *[other] rows
}
no-text-recorded = No text recorded: see the position in summary above
rows-label = Summary rows
all-rows-of-dossier = All { $count } { $count ->
    [one] row
   *[other] rows
} of the dossier
rows-selected = { $count } { $count ->
    [one] row
   *[other] rows
} selected
texts-label = Legal texts
cited-texts = The { $count } { $count ->
    [one] provision
   *[other] provisions
} the rows cite, in full, with changes against the Commission proposal marked
subject-column = Subject
provision-column = Provision
all-rows-in-briefing = All rows in this briefing
pdf-of-rows = PDF { $topic ->
    [yes] of this topic
   *[no] to print
} (A4, { $count } { $count ->
    [one] row
   *[other] rows
})
row-feed-entry = { $title }: { $position }

## Briefings: the labels of the document (templates/briefing.html and briefing.typ)

brief-title = { $dossier }: briefing
brief-title-selection = { $dossier }: briefing ({ $count } { $count ->
    [one] provision
   *[other] provisions
})
brief-kicker = Briefing
brief-procedure = Procedure
brief-status = Status
brief-positions-as-of = Positions as of
brief-prepared-on = Prepared on
brief-contents = What this briefing contains
brief-colophon = Made with { $generator }. Every position cites its source (numbered in square brackets, listed at the end); check the sources before quoting.
brief-summary = Summary
brief-where-differ = Where the Parliament and the Council differ
brief-topic = Topic
brief-provisions = Provisions
brief-differ = Parliament and Council differ
brief-same = Same position
brief-missing = A position is missing
brief-total = All provisions
brief-topics-note = "A position is missing" also counts positions known only in summary on both sides, which cannot be compared. A row can have several topics, so the topics' counts may add up to more than the total.
brief-comparison = Comparison
brief-cells-full-text = Each cell shows the institution's current text, with its date and source; where only a summary of a position is known, the summary.
brief-cells-summary = Each cell summarises the institution's current position, with its date and source.
brief-no-change-means = “No change from the Commission proposal” means the institution keeps the Commission's text.
brief-legend = Changes against the Commission proposal are marked:
brief-inserted = inserted text
brief-inserted-style = in bold italic
brief-deleted = deleted text
brief-deleted-style = struck through
brief-provision = Provision
brief-new = New
brief-summary-label = Summary (text not available):
brief-texts-title = The legal texts
brief-texts-note = The provisions the rows above rest on, with each institution's current text; where only a summary of a position is known, the summary.
brief-sources = Sources
brief-header-as-of = positions as of
brief-page = Page
brief-page-of = of
brief-differ-short = Differ
brief-same-short = Same
brief-missing-short = Missing
brief-stats-note = Differ: the Parliament's and the Council's current positions differ. Same: they say the same. Missing: one of them has no position yet, or both are known only in summary and cannot be compared. A row can have several topics, so the topics' counts may add up to more than the total.

## The site's templates (templates/*.html call t("key", ...) with these). $items is `rows`
## (summary rows) or `provisions`; messages that end before a link or a value the template
## adds leave the space to the template (Fluent trims a message's trailing spaces).

site-skip = Skip to content
site-search = Search
site-search-placeholder = Search provisions, texts, events
site-search-none = Nothing found for “{ $query }”.
site-search-offline = Search needs the site to be served over http (it cannot read files opened from disk).
site-feed-all = All dossiers
site-feed-dossier = This dossier
site-print-sources-label = Sources cited on this page, and this page's address
site-print-sources = Sources cited on this page
site-print-this-page = This page: { $address }
site-footer-cites = Every position, stance and event on this site cites the document it comes from
site-footer-listed = , listed with notes on how reliable each one is on the
site-footer-sources-page = sources page
site-footer-check = Check the document before quoting it. Spotted a mistake or a missing document? Tell the people who publish this site, with the document that shows it: every correction must cite its source.
site-copy-link = Copy link
site-copied = Copied
site-copy-row = Copy link to this row
site-copy-paragraph = Copy link to this paragraph
site-copy-section = Copy link to this section
site-colon = :
site-language = Language
site-language-switch = This page in another language
site-in-language = { $language ->
    [fr] Français
    [de] Deutsch
   *[en] English
}
site-home-title = EU laws, provision by provision
site-home-lead = How the European Commission, the European Parliament and the Council differ, with the exact texts and a source for every position.
site-no-dossiers = No dossiers yet. Create one with
site-procedure = Procedure
site-status = Status
site-provisions = Provisions
site-positions-as-of = Positions as of
site-briefing = Briefing
site-not-found-title = Page not found
site-not-found-lead = There is no page at this address. It may have been renamed when a provision's reference changed.
site-not-found-home = Go to the list of dossiers
site-not-found-search = , or use the search.
site-nav-comparison = Comparison
site-nav-provisions = Provisions
site-nav-text = Full texts
site-nav-council = Council
site-nav-timeline = Timeline
site-nav-negotiators = Negotiators
site-nav-sources = Sources
site-legend-title = Marked changes:
site-inserted = inserted text
site-inserted-style = in bold italic
site-deleted = deleted text
site-deleted-style = struck through
site-source-colon = source:
site-source-label = Source:
site-amends-text = Amends the text: { $inserted } { $inserted ->
    [one] word
   *[other] words
} inserted, { $deleted } deleted.
site-text-label = Text:
site-summary-label = Summary (text not available):
site-glance-title = Where the Parliament and the Council differ
site-glance-help = For each { $items ->
    [rows] row
   *[provisions] provision
}: whether the Parliament and the Council keep the Commission proposal ("no change") or change it, and whether the two agree. "Unknown" means the positions are known only in summary and cannot be compared; "no position" means none is recorded.
site-by-topic = By topic
site-topic = Topic
site-items = { $items ->
    [rows] Rows
   *[provisions] Provisions
}
site-differ = Differ
site-agree = Agree
site-unknown = Unknown
site-who-parliament = Parliament:
site-who-council = Council:
site-who-between = Between them:

## The comparison table (templates/dossier.html)

site-every-provision-title = { $dossier }: every provision
site-as-of-note-start = This is the table
site-as-of-note-date = as it stood on { $date }
site-as-of-note-end = : positions dated later are left out.
site-as-of-current = See the current positions.
site-about = About this law and where it stands
site-levels-rows = This table summarises the negotiation in { $count } { $count ->
    [one] row
   *[other] rows
}, each linked to the provisions it rests on.
site-levels-every-provision = Every provision ({ $count })
site-levels-texts = the full texts side by side
site-levels-provisions = Every provision of the law, one row each ({ $count }).
site-levels-summary-table = The summary table
site-filter-dates = Positions as of a date
site-filter-dates-label = Positions as of:
site-now = Now
site-filter-topics = Filter by topic
site-filter-topic-label = Topic:
site-all = All ({ $count })
site-only-differ = Only where the Parliament and the Council differ
site-columns = Columns
site-count-shown = { $shown } of { $total } { $items ->
    [rows] rows
   *[provisions] provisions
} shown
site-count-unknown = ; on { $count } more, it is not known whether they differ
site-caption-as-of = Positions as of { $date }, compared with the Commission proposal
site-caption-topic = { $items ->
    [rows] Rows
   *[provisions] Provisions
} on { $topic }, compared with the Commission proposal
site-caption-rows = Positions in summary, row by row, compared with the Commission proposal
site-caption-all = Positions on every provision, compared with the Commission proposal
site-new = New
site-link-row = Link to this row
site-no-items = No { $items ->
    [rows] rows
   *[provisions] provisions
} yet.
site-table-note = Cells show each institution's current position in summary; open a { $items ->
    [rows] row for the legal texts it rests on
   *[provisions] provision for the full texts
}, the marked changes and the history of every position.

## A provision's page and a row's page (templates/provision.html, row.html)

site-breadcrumbs = Breadcrumbs
site-topics = Topics:
site-in-summary = In the summary table
site-cites = (cites { $references })
site-link-section = Link to this section
site-show-marks = Show marked changes
site-current-positions = Current positions
site-positions-caption = { $reference }: each institution's current text, changes against the Commission proposal marked
site-consequences-title = Consequences of the Commission proposal
site-changes-compared = Changes compared
site-link-comparison = Link to this comparison
site-diff-stats = { $inserted } { $inserted ->
    [one] word
   *[other] words
} inserted, { $deleted } deleted; { $similarity }% of the text unchanged
site-diff-timed-out = (compared paragraph by paragraph: the word comparison took too long)
site-same-text = The Parliament and the Council have the same text.
site-diff-stats-council = { $inserted } { $inserted ->
    [one] word
   *[other] words
} inserted, { $deleted } deleted (Council against Parliament); { $similarity }% of the text in common.
site-history = History of the positions
site-current = current
site-link-version = Link to this version
site-changes-previous = Changes against the previous version: { $inserted } { $inserted ->
    [one] word
   *[other] words
} inserted, { $deleted } deleted.
site-sources = Sources
site-about-source = about this source
site-other-provisions = Other provisions
site-row-rests-on = A row of the summary table. It rests on
site-row-texts-follow = : their texts follow the summaries below.
site-current-positions-summary = Current positions, in summary
site-row-caption = { $title }: each institution's current position in summary
site-legal-texts = The legal texts
site-link-provision = Link to this provision
site-cited-here = Cited here:
site-provision-page = The provision's page
site-provision-page-has = has its history and each column's changes.
site-other-rows = Other rows

## The Council page (templates/council.html)

site-council-title = { $dossier }: the Council and the member states
site-council-lead = Would the Council's text pass, and who decides it? The Council decides by qualified majority: at least 55% of the member states (15 of 27) representing at least 65% of the EU population. Four or more states with more than 35% of the population can block a text. A state that abstains, is undecided or has no recorded position does not count in favour.
site-council-no-population = No population figures are recorded for the Council, so no tally can be made.
site-council-no-stances = No member-state stances are recorded for this dossier yet.
site-council-dates-meetings = Each date below is a meeting of the Council on one text. Only a government's stance on that text counts in it: a stance on an earlier compromise is shown beside it, not counted.
site-council-dates-changes = Each date below is a day on which a government's recorded stance changed; a stance counts until the next one.
site-council-recorded = Stances are recorded for { $count } of the 27 member states.
site-council-meetings-list = The Council's meetings, latest first:
site-council-dates-list = Stances as of, latest first:
site-latest = latest
site-link-date = Link to this date
site-meeting-text = Text on the table
site-meeting-who = Who met
site-meeting-outcome = Outcome
site-according-to = , according to
site-tally-title-meeting = What the recorded stances alone would give
site-tally-title = What the recorded stances give
site-bar-states = Member states:
site-bar-population = Population:
site-bar-in-favour = in favour
site-bar-rest = { $unknown } not recorded, { $against } not in favour
site-bar-states-need = (15 of 27 needed in favour)
site-bar-population-need = (65% needed in favour)
site-bar-states-label = Member states: { $support } in favour, { $unknown } with no recorded position, { $against } not in favour; { $needed } of { $total } are needed in favour
site-bar-population-label = EU population: { $support } in favour, { $unknown } with no recorded position, { $against } not in favour; 65% is needed in favour
site-bar-note = Colours as on the map; the dashed line marks what is needed in favour.
site-what-would-change = What would change the outcome:
site-nothing-would-change = No group of up to four states could change this outcome by switching.
site-population-figures = Population figures for { $year } ({ $source }).
site-stances-caption = Stances of the member states { $meeting ->
    [yes] on the text of { $date }
   *[no] on { $date }
}, with their share of the EU population in { $year }
site-member-state = Member state
site-stance = Stance
site-stance-on-text = Stance on this text
site-population = Population
site-earlier-stance = Earlier stance, not counted
site-earlier-short = Earlier, not counted
site-source-column = Source
site-earlier-on = , on
site-earlier-on-law = , on the law in general
site-state-histories = Each government's stance over time
site-on-text = on

## The negotiators, sources, full texts and timeline pages

site-negotiators-title = { $dossier }: negotiators
site-negotiators-lead = The European Parliament's rapporteur and shadow rapporteurs, by committee and political group.
site-negotiators-caption = Members of the European Parliament following { $dossier }: committees in rows, political groups in columns
site-committee = Committee
site-lead = lead
site-rapporteur-mark = (rapporteur)
site-no-negotiators = No negotiators recorded yet.
site-others = Others
site-sources-title = { $dossier }: sources
site-sources-lead = Every position, stance and event on this site cites one of these documents. The notes say how each was read and how far it can be trusted.
site-cited-for = Cited for:
site-cited-on = Cited on the
site-council-page = Council page
site-cited-in-timeline = Cited in the timeline:
site-text-title = { $dossier }: the texts side by side
site-text-lead = The four-column document: the Commission proposal and each institution's current text, with its changes against the Commission proposal marked.
site-no-marks = No later text is recorded yet, so nothing is marked: the columns show each institution's position as far as it is known.
site-text-caption = Full texts of { $dossier }, { $procedure }
site-timeline-title = { $dossier }: timeline
site-timeline-lead = Every recorded event and every published position, { $order ->
    [latest] latest first
   *[oldest] oldest first
}. Positions link to the provision's history.
site-timeline-order = Order of the timeline
site-timeline-order-label = Order:
site-latest-first = Latest first
site-oldest-first = Oldest first
site-link-entry = Link to this entry
site-unverified = Unverified
site-unverified-note = Reported only by sources that could not be checked.
site-no-events = No events recorded yet.
site-untranslated = This text has no translation in this language; it is shown in the dossier's main language.
