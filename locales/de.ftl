# Die Oberfläche von trilogue auf Deutsch. Begriffe der Organe (EUR-Lex, Interinstitutionelle
# Regeln für Veröffentlichungen): „Artikel“, „Erwägungsgrund“, „Anhang“, „Europäisches
# Parlament“, „Rat“, „Europäische Kommission“.

## Organe, Verfahrensstand, Haltungen, Rollen

institution-commission = Kommission
institution-parliament = Parlament
institution-council = Rat
institution-agreement = Einigung
institution-full-commission = Europäische Kommission
institution-full-parliament = Europäisches Parlament
institution-full-council = Rat der Europäischen Union
institution-full-agreement = Vorläufige Einigung
position-commission = Vorschlag der Kommission
position-parliament = Standpunkt des Parlaments
position-council = Standpunkt des Rates
position-agreement = Vorläufige Einigung
status-proposal = Vorschlag der Kommission
status-parliament-mandate = Mandat des Parlaments angenommen
status-council-mandate = Mandat des Rates angenommen
status-trilogue = Im Trilog
status-adopted = Angenommen
status-withdrawn = Zurückgezogen
stance-support = stimmt zu
stance-oppose = lehnt ab
stance-undecided = unentschieden
stance-abstain = enthält sich
stance-unknown = keine bekannte Haltung
role-rapporteur = Berichterstatter
role-shadow-rapporteur = Schattenberichterstatter
role-negotiator = Verhandlungsführer
role-presidency = Ratsvorsitz
role-commissioner = Kommissionsmitglied
role-official = Beamter
role-other = Sonstige

## Mitgliedstaaten (amtliche Kurzformen der EU, protokollarische Reihenfolge)

country-BE = Belgien
country-BG = Bulgarien
country-CZ = Tschechien
country-DK = Dänemark
country-DE = Deutschland
country-EE = Estland
country-IE = Irland
country-EL = Griechenland
country-ES = Spanien
country-FR = Frankreich
country-HR = Kroatien
country-IT = Italien
country-CY = Zypern
country-LV = Lettland
country-LT = Litauen
country-LU = Luxemburg
country-HU = Ungarn
country-MT = Malta
country-NL = Niederlande
country-AT = Österreich
country-PL = Polen
country-PT = Portugal
country-RO = Rumänien
country-SI = Slowenien
country-SK = Slowakei
country-FI = Finnland
country-SE = Schweden

## Daten

date-day = %-d. %B %Y
date-month = %B %Y

## Listen und Zahlen

list-and = { $rest } und { $last }
provisions-count = { $count } { $count ->
    [one] Bestimmung
   *[other] Bestimmungen
}
in-main-language = (auf { $language ->
    [fr] Französisch
    [de] Deutsch
   *[en] Englisch
})

## Zellen, Stand und Vergleiche

not-in-proposal = Nicht im Vorschlag der Kommission enthalten
no-position-yet = Noch kein Standpunkt
new-provision-by = Neue Bestimmung, eingefügt { $institution ->
    [commission] von der Kommission
    [parliament] vom Parlament
    [agreement] durch die Einigung
   *[council] vom Rat
}
no-change-from-proposal = Keine Änderung gegenüber dem Vorschlag der Kommission
same-as-position-of = Wie { $institution ->
    [commission] der Vorschlag der Kommission
    [parliament] der Standpunkt des Parlaments
    [agreement] die vorläufige Einigung
   *[council] der Standpunkt des Rates
}
deleted = Gestrichen
text-not-available = Text nicht verfügbar: Zusammenfassung des Standpunkts
own-text = Eigener Text
summary-only = Nur Zusammenfassung
no-position = kein Standpunkt
new-text = Neuer Text
amends-text = Ändert den Text: { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen.
full-text-only = Nur Volltext: siehe das Briefing mit den Volltexten.
consequences = Folgen
against-proposal = { $position } im Vergleich zum Vorschlag der Kommission
council-against-parliament = Standpunkt des Rates im Vergleich zum Standpunkt des Parlaments
positions-published = { $position }: { $count } { $count ->
    [one] Bestimmung
   *[other] Bestimmungen
}
link-to-paragraph = Link zu diesem Absatz

## Der Rat

population-not-recorded = Die Bevölkerungszahlen für { $year } sind nicht erfasst; die für { $used } werden verwendet.
stances-missing = Für { $missing } der { $total } Mitgliedstaaten ist an diesem Tag keine Haltung erfasst; sie zählen als nicht zustimmend, daher zeigt diese Auszählung nur, was aus den erfassten Haltungen folgt.
map-title = Haltung der Mitgliedstaaten am { $date }
council-rule = { $percent } % von { $total } { $total ->
    [one] Staat
   *[other] Staaten
}
council-qualified-majority = Qualifizierte Mehrheit: { $support } { $support ->
    [one] zustimmender Staat
   *[other] zustimmende Staaten
} (mindestens { $needed } erforderlich, { $rule }) { $support ->
    [one] vertritt
   *[other] vertreten
} { $population } % der EU-Bevölkerung (mindestens 65 % erforderlich).
council-deemed-reached = Qualifizierte Mehrheit gilt als erreicht: { $support } { $support ->
    [one] zustimmender Staat vertritt
   *[other] zustimmende Staaten vertreten
} nur { $population } % der EU-Bevölkerung, weniger als 65 %, aber die { $against } nicht { $against ->
    [one] zustimmende Staat
   *[other] zustimmenden Staaten
} ({ $against_population } %) sind weniger als die vier für eine Sperrminorität erforderlichen.
council-no-support = Keine qualifizierte Mehrheit: kein Staat stimmt zu; { $needed } sind erforderlich ({ $rule }), die mindestens 65 % der EU-Bevölkerung vertreten.
council-too-few-states = Keine qualifizierte Mehrheit: { $support } { $support ->
    [one] Staat stimmt
   *[other] Staaten stimmen
} zu, weniger als die { $needed } erforderlichen ({ $rule }); { $enough ->
    [yes] sie vertreten { $population } % der EU-Bevölkerung, was genügen würde
   *[no] sie vertreten { $population } % der EU-Bevölkerung, ebenfalls weniger als 65 %
}.
council-population-short = Keine qualifizierte Mehrheit: { $support } { $support ->
    [one] zustimmender Staat vertritt
   *[other] zustimmende Staaten vertreten
} { $population } % der EU-Bevölkerung, weniger als 65 %.
council-population-short-blocking = Keine qualifizierte Mehrheit: { $support } { $support ->
    [one] zustimmender Staat vertritt
   *[other] zustimmende Staaten vertreten
} { $population } % der EU-Bevölkerung, weniger als 65 %; { $against } { $against ->
    [one] Staat
   *[other] Staaten
} mit { $against_population } % bilden eine Sperrminorität.
council-missing-population = Die Bevölkerungszahlen für { $year } enthalten keinen Anteil für { $names }; gezählt als 0 % der Bevölkerung.
flip-stop-too-few = Ohne Zustimmung ({ $names }) gäbe es keine qualifizierte Mehrheit: nur { $support } { $support ->
    [one] Staat würde
   *[other] Staaten würden
} zustimmen, { $needed } sind erforderlich.
flip-stop-blocking = Ohne Zustimmung ({ $names }) gäbe es keine qualifizierte Mehrheit: { $against } { $against ->
    [one] Staat
   *[other] Staaten
} mit { $against_population } % der EU-Bevölkerung würden eine Sperrminorität bilden.
flip-switch-population = Mit Zustimmung ({ $names }) gäbe es eine qualifizierte Mehrheit: { $support } { $support ->
    [one] Staat
   *[other] Staaten
} mit { $population } % der EU-Bevölkerung würden zustimmen.
flip-switch-no-blocking = Mit Zustimmung ({ $names }) gäbe es eine qualifizierte Mehrheit: { $support } { $support ->
    [one] Staat würde
   *[other] Staaten würden
} zustimmen, und nur { $against } würden nicht zustimmen, weniger als die vier für eine Sperrminorität erforderlichen.
flip-search-stopped = (Die Suche endete nach { $cap } Kombinationen von { $k } Staaten; andere Gruppen von { $k } könnten das Ergebnis ebenfalls ändern.)

## Seitentitel, Beschreibungen und Feeds

site-description = Wie die Europäische Kommission, das Europäische Parlament und der Rat bei EU-Gesetzen voneinander abweichen, Bestimmung für Bestimmung.
page-not-found = Seite nicht gefunden
page-not-found-description = Diese Seite existiert nicht.
comparison-table = { $dossier }: Vergleichstabelle
table-as-of = { $dossier }: Standpunkte zum { $date }
table-as-of-description = Die Vergleichstabelle zu { $dossier }, wie sie am { $date } aussah.
topic-page = { $dossier }: { $topic }
topic-description = { $dossier } — Bestimmungen zum Thema { $topic }
full-texts = { $dossier }: Volltexte nebeneinander
full-texts-description = Die Texte zu { $dossier } in vier Spalten, mit markierten Änderungen gegenüber dem Vorschlag der Kommission.
sources = { $dossier }: Quellen
sources-description = Die für { $dossier } zitierten Dokumente.
timeline = { $dossier }: Zeitleiste
timeline-description = Jedes Ereignis und jeder Standpunkt zu { $dossier }, nach Datum geordnet.
council = { $dossier }: der Rat und die Mitgliedstaaten
council-description = Wo jede Regierung zu { $dossier } steht und ob es eine qualifizierte Mehrheit gibt.
negotiators = { $dossier }: Verhandlungsführer
negotiators-description = Wer über { $dossier } verhandelt: Berichterstatter, Schattenberichterstatter und andere.
provision-page = { $dossier } { $reference }: { $title }
feed-of-all = trilogue: alle Dossiers
dossier-feed = { $dossier }: Standpunkte und Ereignisse
feed-entry = { $reference } { $title }: { $position }

## Briefings: Zeilen des Deckblatts und Links

pdf-to-print = PDF zum Drucken (A4, { $count } { $count ->
    [one] Bestimmung
   *[other] Bestimmungen
})
pdf-of-topic = PDF zu diesem Thema (A4, { $count } { $count ->
    [one] Bestimmung
   *[other] Bestimmungen
})
all-provisions-in-briefing = Alle Bestimmungen dieses Briefings
provisions-label = Bestimmungen
all-provisions-of-dossier = { $count ->
    [one] Die einzige Bestimmung des Dossiers
   *[other] Alle { $count } Bestimmungen des Dossiers
}
provisions-selected = { $count } { $count ->
    [one] Bestimmung
   *[other] Bestimmungen
} ausgewählt
topics-label = { $count ->
    [one] Thema
   *[other] Themen
}
selected-by-reference = Nach Fundstelle ausgewählt
columns-label = Spalten
cells-label = Zellen
cells-full-text = Volltexte, mit markierten Änderungen gegenüber dem Vorschlag der Kommission
cells-summaries = Einzeilige Zusammenfassung jedes Standpunkts

## Briefings: Beschriftungen des Dokuments

brief-title = { $dossier }: Briefing
brief-title-selection = { $dossier }: Briefing ({ $count } { $count ->
    [one] Bestimmung
   *[other] Bestimmungen
})
brief-kicker = Briefing
brief-procedure = Verfahren
brief-status = Stand
brief-positions-as-of = Standpunkte zum
brief-prepared-on = Erstellt am
brief-contents = Inhalt dieses Briefings
brief-colophon = Erstellt mit { $generator } aus den Datensätzen in positions/{ $id }/. Jeder Standpunkt nennt seine Quelle (in eckigen Klammern nummeriert, am Ende aufgeführt); prüfen Sie die Quellen, bevor Sie zitieren.
brief-summary = Zusammenfassung
brief-where-differ = Wo Parlament und Rat voneinander abweichen
brief-topic = Thema
brief-provisions = Bestimmungen
brief-differ = Parlament und Rat weichen ab
brief-same = Gleicher Standpunkt
brief-missing = Ein Standpunkt fehlt
brief-total = Alle Bestimmungen
brief-topics-note = Eine Bestimmung kann mehrere Themen haben, daher können die Zahlen der Themen zusammen mehr als die Summe ergeben.
brief-comparison = Vergleich
brief-cells-full-text = Jede Zelle zeigt den aktuellen Text des Organs mit Datum und Quelle; ist nur eine Zusammenfassung eines Standpunkts bekannt, diese Zusammenfassung.
brief-cells-summary = Jede Zelle fasst den aktuellen Standpunkt des Organs zusammen, mit Datum und Quelle.
brief-no-change-means = „Keine Änderung gegenüber dem Vorschlag der Kommission“ bedeutet, dass das Organ den Text der Kommission beibehält.
brief-legend = Änderungen gegenüber dem Vorschlag der Kommission sind markiert:
brief-inserted = eingefügter Text
brief-inserted-style = fett kursiv
brief-deleted = gestrichener Text
brief-deleted-style = durchgestrichen
brief-provision = Bestimmung
brief-new = Neu
brief-summary-label = Zusammenfassung (Text nicht verfügbar):
brief-sources = Quellen
brief-header-as-of = Standpunkte zum
brief-page = Seite
brief-page-of = von
brief-differ-short = Abweichend
brief-same-short = Gleich
brief-missing-short = Fehlt
brief-stats-note = Abweichend: die aktuellen Standpunkte von Parlament und Rat weichen voneinander ab. Gleich: sie sagen dasselbe. Fehlt: eines der beiden Organe hat noch keinen Standpunkt. Eine Bestimmung kann mehrere Themen haben, daher können die Zahlen der Themen zusammen mehr als die Summe ergeben.

## Die Vorlagen der Website

site-skip = Zum Inhalt springen
site-search = Suche
site-search-placeholder = Bestimmungen, Texte, Ereignisse suchen
site-feed-all = Alle Dossiers
site-feed-dossier = Dieses Dossier
site-footer = Erstellt mit trilogue aus den Datensätzen in positions/. Jeder Standpunkt nennt seine Quelle; prüfen Sie die Quellen, bevor Sie zitieren.
site-language = Sprache
site-home-title = EU-Gesetze, Bestimmung für Bestimmung
site-home-lead = Wie die Europäische Kommission, das Europäische Parlament und der Rat voneinander abweichen, mit den genauen Texten und einer Quelle für jeden Standpunkt.
site-no-dossiers = Noch keine Dossiers. Legen Sie eines an mit:
site-procedure = Verfahren
site-status = Stand
site-provisions = Bestimmungen
site-positions-as-of = Standpunkte zum
site-briefing = Briefing
site-not-found-title = Seite nicht gefunden
site-not-found-lead = Unter dieser Adresse gibt es keine Seite. Sie wurde vielleicht umbenannt, als sich die Fundstelle einer Bestimmung änderte.
site-not-found-home = Zur Liste der Dossiers
site-not-found-search = oder die Suche verwenden.
site-nav-comparison = Vergleich
site-nav-text = Volltexte
site-nav-council = Rat
site-nav-timeline = Zeitleiste
site-nav-negotiators = Verhandlungsführer
site-nav-sources = Quellen
site-as-of-note = Dies ist die Tabelle, wie sie am { $date } aussah: später datierte Standpunkte fehlen.
site-as-of-current = Zu den aktuellen Standpunkten.
site-about = Über dieses Gesetz und seinen Stand
site-filter-dates = Standpunkte zu einem Datum
site-filter-dates-label = Standpunkte zum:
site-now = Heute
site-filter-topics = Nach Thema filtern
site-filter-topic-label = Thema:
site-all = Alle ({ $count })
site-only-differ = Nur wo Parlament und Rat voneinander abweichen
site-columns = Spalten
site-caption-as-of = Standpunkte zum { $date }, verglichen mit dem Vorschlag der Kommission
site-caption-topic = Bestimmungen zum Thema { $topic }, verglichen mit dem Vorschlag der Kommission
site-caption-all = Standpunkte zu jeder Bestimmung, verglichen mit dem Vorschlag der Kommission
site-provision = Bestimmung
site-new = Neu
site-link-row = Link zu dieser Zeile
site-link-section = Link zu diesem Abschnitt
site-link-comparison = Link zu diesem Vergleich
site-link-version = Link zu dieser Fassung
site-link-date = Link zu diesem Datum
site-link-entry = Link zu diesem Eintrag
site-no-provisions = Noch keine Bestimmungen.
site-table-note = Die Zellen fassen den aktuellen Standpunkt jedes Organs zusammen; öffnen Sie eine Bestimmung für die Volltexte, die markierten Änderungen und den Verlauf jedes Standpunkts.
site-legend-title = Markierte Änderungen:
site-inserted = eingefügter Text
site-inserted-style = fett kursiv
site-deleted = gestrichener Text
site-deleted-style = durchgestrichen
site-source = Quelle
site-summary-label = Zusammenfassung (Text nicht verfügbar):
site-breadcrumbs = Brotkrumennavigation
site-topics = Themen:
site-show-marks = Markierte Änderungen zeigen
site-current-positions = Aktuelle Standpunkte
site-positions-caption = { $reference }: der aktuelle Text jedes Organs, Änderungen gegenüber dem Vorschlag der Kommission markiert
site-consequences-title = Folgen des Vorschlags der Kommission
site-changes-compared = Änderungen im Vergleich
site-diff-stats = { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen; { $similarity } % des Textes unverändert
site-diff-timed-out = (absatzweise verglichen: der wortweise Vergleich dauerte zu lange)
site-same-text = Parlament und Rat haben denselben Text.
site-diff-stats-council = { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen (Rat im Vergleich zum Parlament); { $similarity } % des Textes gemeinsam.
site-history = Verlauf der Standpunkte
site-current = aktuell
site-changes-previous = Änderungen gegenüber der vorigen Fassung: { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen.
site-sources = Quellen
site-other-provisions = Andere Bestimmungen
site-record = Datensatz:
site-council-lead = Der Rat beschließt mit qualifizierter Mehrheit: mindestens 55 % der Mitgliedstaaten (15 von 27), die mindestens 65 % der EU-Bevölkerung vertreten. Vier Staaten mit mehr als 35 % der Bevölkerung bilden eine Sperrminorität. Staaten, die sich enthalten, unentschieden sind oder ohne erfasste Haltung, zählen als nicht zustimmend.
site-council-no-population = Es sind keine Bevölkerungszahlen erfasst, daher ist keine Auszählung möglich.
site-council-no-stances = Für dieses Dossier sind noch keine Haltungen der Mitgliedstaaten erfasst.
site-council-recorded = Haltungen sind für { $count } von 27 Mitgliedstaaten erfasst; die anderen zählen als ohne bekannte Haltung.
site-stances-as-of = Haltungen zum:
site-as-of = Stand { $date }
site-latest = neueste
site-qualified-majority = Qualifizierte Mehrheit
site-no-qualified-majority = Keine qualifizierte Mehrheit
site-blocking-minority = Sperrminorität
site-states-supporting = Zustimmende Mitgliedstaaten:
site-population-supporting = Bevölkerung der zustimmenden Staaten:
site-needed = erforderlich: { $needed }
site-what-would-change = Was das Ergebnis ändern würde:
site-nothing-would-change = Keine Gruppe von bis zu vier Staaten könnte das Ergebnis allein ändern.
site-population-figures = Bevölkerungszahlen für { $year } ({ $source }).
site-stances-caption = Haltung der Mitgliedstaaten am { $date }, mit ihrem Anteil an der EU-Bevölkerung { $year }
site-member-state = Mitgliedstaat
site-stance = Haltung
site-population = Bevölkerung
site-since = Seit
site-source-column = Quelle
site-state-histories = Die Haltung jeder Regierung im Zeitverlauf
site-negotiators-lead = Der Berichterstatter und die Schattenberichterstatter des Europäischen Parlaments, nach Ausschuss und Fraktion.
site-negotiators-caption = Mitglieder des Europäischen Parlaments, die { $dossier } verfolgen: Ausschüsse in Zeilen, Fraktionen in Spalten
site-committee = Ausschuss
site-lead = federführend
site-no-negotiators = Noch keine Verhandlungsführer erfasst.
site-others = Andere
site-sources-lead = Jeder Standpunkt auf dieser Website nennt eines dieser Dokumente.
site-cited-for = Zitiert für:
site-text-title = { $dossier }: die Texte nebeneinander
site-text-lead = Das Vier-Spalten-Dokument: der Vorschlag der Kommission und der aktuelle Text jedes Organs, mit markierten Änderungen gegenüber dem Vorschlag der Kommission.
site-text-caption = Volltexte zu { $dossier }, { $procedure }
site-timeline-lead = Jedes erfasste Ereignis und jeder veröffentlichte Standpunkt, das älteste zuerst. Standpunkte verweisen auf den Verlauf der Bestimmung.
site-no-events = Noch keine Ereignisse erfasst.
site-untranslated = Dieser Text ist in dieser Sprache nicht übersetzt; er wird in der Hauptsprache des Dossiers gezeigt.
