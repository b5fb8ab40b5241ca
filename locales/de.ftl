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
date-day-first = %-d. %B %Y
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

## Die Seite des Rates: Sitzungen und was die erfassten Haltungen entscheiden

no-position-on-text = keine erfasste Haltung zu diesem Text
source-label = Quelle
percent = { $value } %
council-body-working-party = Arbeitsgruppe (nationale Sachverständige)
council-body-coreper = AStV (die Botschafter der Mitgliedstaaten)
council-body-council = Rat (die Ministerinnen und Minister)
meeting-outcome-adopted = Angenommen
meeting-outcome-no-majority = Keine qualifizierte Mehrheit
meeting-outcome-withdrawn = Vor einer Abstimmung zurückgezogen
meeting-outcome-not-voted = Beraten, nicht abgestimmt
meeting-headline = { $body ->
    [working-party] { $outcome ->
        [adopted] Angenommen von der Arbeitsgruppe
        [no-majority] Keine qualifizierte Mehrheit in der Arbeitsgruppe
        [withdrawn] Vor einer Abstimmung von der Tagesordnung der Arbeitsgruppe abgesetzt
       *[not-voted] In der Arbeitsgruppe beraten, nicht abgestimmt
    }
    [coreper] { $outcome ->
        [adopted] Angenommen vom AStV
        [no-majority] Keine qualifizierte Mehrheit im AStV
        [withdrawn] Vor einer Abstimmung von der Tagesordnung des AStV abgesetzt
       *[not-voted] Im AStV beraten, nicht abgestimmt
    }
   *[council] { $outcome ->
        [adopted] Angenommen vom Rat
        [no-majority] Keine qualifizierte Mehrheit im Rat
        [withdrawn] Vor einer Abstimmung von der Tagesordnung des Rates abgesetzt
       *[not-voted] Im Rat beraten, nicht abgestimmt
    }
}
recorded-stance-count = { $count } { $kind ->
    [support] dafür
    [oppose] dagegen
    [abstain] { $count ->
        [one] Enthaltung
       *[other] Enthaltungen
    }
   *[undecided] unentschieden
}
recorded-stances-none = keine
recorded-stances = { $scope ->
    [text] Erfasste Haltungen zu diesem Text
   *[all] Erfasste Haltungen
}: { $known }; { $missing ->
    [none] alle { $total } Staaten sind erfasst.
    [all] für keinen der { $total } Staaten ist eine Haltung erfasst.
   *[some] für { $unknown } der { $total } { $total ->
        [one] Staat
       *[other] Staaten
    } ist keine Haltung erfasst.
}
unknown-states = { $count } { $count ->
    [one] Staat
   *[other] Staaten
} ohne erfasste Haltung{ $scope ->
    [text] {" "}zu diesem Text
   *[all] {""}
}
range-verdict = { $case ->
    [passes-all] Die erfassten Haltungen ergeben eine qualifizierte Mehrheit.
    [passes] Schon die erfassten Haltungen ergeben eine qualifizierte Mehrheit, selbst wenn keiner der { $unknown_states } zustimmte.
    [fails-all] Die erfassten Haltungen ergeben keine qualifizierte Mehrheit.
    [fails-states] Schon die erfassten Haltungen schließen eine qualifizierte Mehrheit aus: { $against } { $against ->
        [one] Staat ist
       *[other] Staaten sind
    } als nicht zustimmend erfasst, daher könnten höchstens { $best } zustimmen, weniger als die erforderlichen { $needed }.
    [fails-population] Schon die erfassten Haltungen schließen eine qualifizierte Mehrheit aus: { $against ->
        [one] der als nicht zustimmend erfasste Staat hat
       *[other] die { $against } als nicht zustimmend erfassten Staaten haben
    } { $against_population } % der EU-Bevölkerung, daher hätten die Zustimmenden selbst mit den { $unknown_states } höchstens { $best_population } %, weniger als 65 %.
   *[open] Die erfassten Haltungen allein entscheiden es nicht: es hängt von den { $unknown_states } ab. { $against ->
        [one] Der als nicht zustimmend erfasste Staat hat
       *[other] Die { $against } als nicht zustimmend erfassten Staaten haben
    } { $against_population } % der EU-Bevölkerung, { $few ->
        [yes] zu wenige Staaten
       *[no] zu wenig
    }, um sie zu verhindern.
}
range-headline = { $decided ->
    [passes] Qualifizierte Mehrheit nach den erfassten Haltungen
    [fails] Keine qualifizierte Mehrheit nach den erfassten Haltungen
   *[open] Offen: es hängt von { $unknown ->
        [one] dem Staat
       *[other] den { $unknown } Staaten
    } ohne erfasste Haltung ab
}


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

## Übersichtszeilen und Tabellen

not-confirmed-by = Nicht bestätigt durch { $institution ->
    [commission] den späteren Vorschlag der Kommission
    [parliament] den späteren Standpunkt des Parlaments
    [agreement] den später vereinbarten Text
   *[council] den späteren Standpunkt des Rates
} vom { $date }
own-number = { $reference } { $institution ->
    [commission] im Vorschlag der Kommission
    [parliament] im Text des Parlaments
    [agreement] im endgültigen Rechtsakt
   *[council] im Text des Rates
}
stand-same = keine Änderung
stand-changes = ändert ihn
stand-unknown = kein Standpunkt
between-differ = abweichend
between-same = übereinstimmend
between-unknown = unbekannt
row-page = { $dossier }: { $title }
row-description = { $dossier }, { $title }: der Standpunkt jedes Organs in Zusammenfassung und die Rechtstexte, auf denen er beruht.
provisions-table = { $dossier }: alle Bestimmungen
provisions-table-description = Der Standpunkt jedes Organs zu jeder Bestimmung von { $dossier }, verglichen mit dem Vorschlag der Kommission.
rows = { $count } { $count ->
    [one] Zeile
   *[other] Zeilen
}
no-text-recorded = Kein Text erfasst: siehe den zusammengefassten Standpunkt oben
rows-label = Übersichtszeilen
all-rows-of-dossier = { $count ->
    [one] Die einzige Zeile des Dossiers
   *[other] Alle { $count } Zeilen des Dossiers
}
rows-selected = { $count } { $count ->
    [one] Zeile
   *[other] Zeilen
} ausgewählt
texts-label = Rechtstexte
cited-texts = { $count ->
    [one] Die eine Bestimmung, die die Zeilen anführen
   *[other] Die { $count } Bestimmungen, die die Zeilen anführen
}, vollständig, mit markierten Änderungen gegenüber dem Vorschlag der Kommission
subject-column = Gegenstand
provision-column = Bestimmung
all-rows-in-briefing = Alle Zeilen dieses Briefings
pdf-of-rows = PDF { $topic ->
    [yes] zu diesem Thema
   *[no] zum Drucken
} (A4, { $count } { $count ->
    [one] Zeile
   *[other] Zeilen
})
row-feed-entry = { $title }: { $position }

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
brief-colophon = Erstellt mit { $generator }. Jeder Standpunkt nennt seine Quelle (in eckigen Klammern nummeriert, am Ende aufgeführt); prüfen Sie die Quellen, bevor Sie zitieren.
brief-summary = Zusammenfassung
brief-where-differ = Wo Parlament und Rat voneinander abweichen
brief-topic = Thema
brief-provisions = Bestimmungen
brief-differ = Parlament und Rat weichen ab
brief-same = Gleicher Standpunkt
brief-missing = Ein Standpunkt fehlt
brief-total = Alle Bestimmungen
brief-topics-note = „Ein Standpunkt fehlt“ zählt auch Standpunkte, die auf beiden Seiten nur in Zusammenfassung bekannt sind und sich nicht vergleichen lassen. Eine Zeile kann mehrere Themen haben, daher können die Zahlen der Themen zusammen mehr als die Summe ergeben.
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
brief-texts-title = Die Rechtstexte
brief-texts-note = Die Bestimmungen, auf denen die obigen Zeilen beruhen, mit dem aktuellen Text jedes Organs; wo nur eine Zusammenfassung eines Standpunkts bekannt ist, die Zusammenfassung.
brief-sources = Quellen
brief-header-as-of = Standpunkte zum
brief-page = Seite
brief-page-of = von
brief-differ-short = Abweichend
brief-same-short = Gleich
brief-missing-short = Fehlt
brief-stats-note = Abweichend: die aktuellen Standpunkte von Parlament und Rat weichen voneinander ab. Gleich: sie sagen dasselbe. Fehlt: eines der beiden Organe hat noch keinen Standpunkt, oder beide sind nur in Zusammenfassung bekannt und lassen sich nicht vergleichen. Eine Zeile kann mehrere Themen haben, daher können die Zahlen der Themen zusammen mehr als die Summe ergeben.

## Die Vorlagen der Website (templates/*.html rufen t("Schlüssel", ...) auf). $items ist
## `rows` (Übersichtszeilen) oder `provisions`; endet eine Meldung vor einem Link oder Wert,
## setzt die Vorlage das Leerzeichen (Fluent entfernt Leerzeichen am Ende einer Meldung).

site-skip = Zum Inhalt springen
site-search = Suche
site-search-placeholder = Bestimmungen, Texte, Ereignisse durchsuchen
site-search-none = Keine Treffer für „{ $query }“.
site-search-offline = Die Suche funktioniert nur, wenn die Website über http ausgeliefert wird (sie kann keine von der Festplatte geöffneten Dateien lesen).
site-feed-all = Alle Dossiers
site-feed-dossier = Dieses Dossier
site-print-sources-label = Auf dieser Seite zitierte Quellen und die Adresse dieser Seite
site-print-sources = Auf dieser Seite zitierte Quellen
site-print-this-page = Diese Seite: { $address }
site-footer-cites = Jeder Standpunkt, jede Haltung und jedes Ereignis auf dieser Website nennt das Dokument, aus dem es stammt
site-footer-listed = , mit Hinweisen zur Verlässlichkeit jedes Dokuments aufgeführt auf der
site-footer-sources-page = Quellenseite
site-footer-check = Prüfen Sie das Dokument, bevor Sie es zitieren. Einen Fehler oder ein fehlendes Dokument entdeckt? Teilen Sie es den Herausgebern dieser Website mit, zusammen mit dem Dokument, das es belegt: Jede Korrektur muss ihre Quelle nennen.
site-copy-link = Link kopieren
site-copied = Kopiert
site-copy-row = Link kopieren (zu dieser Zeile)
site-copy-paragraph = Link kopieren (zu diesem Absatz)
site-copy-section = Link kopieren (zu diesem Abschnitt)
site-colon = :
site-language = Sprache
site-language-switch = Diese Seite in einer anderen Sprache
site-in-language = { $language ->
    [fr] Français
    [de] Deutsch
   *[en] English
}
site-home-title = EU-Gesetze, Bestimmung für Bestimmung
site-home-lead = Wie sich die Europäische Kommission, das Europäische Parlament und der Rat unterscheiden, mit den genauen Texten und einer Quelle für jeden Standpunkt.
site-no-dossiers = Noch keine Dossiers. Legen Sie eines an mit
site-procedure = Verfahren
site-status = Stand
site-provisions = Bestimmungen
site-positions-as-of = Standpunkte vom
site-briefing = Briefing
site-not-found-title = Seite nicht gefunden
site-not-found-lead = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie umbenannt, als sich die Nummer einer Bestimmung änderte.
site-not-found-home = Zur Liste der Dossiers
site-not-found-search = , oder nutzen Sie die Suche.
site-nav-comparison = Vergleich
site-nav-provisions = Bestimmungen
site-nav-text = Volltexte
site-nav-council = Rat
site-nav-timeline = Chronik
site-nav-negotiators = Verhandlungsführer
site-nav-sources = Quellen
site-legend-title = Markierte Änderungen:
site-inserted = eingefügter Text
site-inserted-style = fett kursiv
site-deleted = gestrichener Text
site-deleted-style = durchgestrichen
site-source-colon = Quelle:
site-source-label = Quelle:
site-amends-text = Ändert den Text: { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen.
site-text-label = Text:
site-summary-label = Zusammenfassung (Text nicht verfügbar):
site-glance-title = Wo Parlament und Rat voneinander abweichen
site-glance-help = Für jede { $items ->
    [rows] Zeile
   *[provisions] Bestimmung
}: ob Parlament und Rat den Vorschlag der Kommission beibehalten („keine Änderung“) oder ändern und ob beide übereinstimmen. „Unbekannt“ heißt, dass die Standpunkte nur zusammengefasst bekannt sind und nicht verglichen werden können; „kein Standpunkt“ heißt, dass keiner erfasst ist.
site-by-topic = Nach Thema
site-topic = Thema
site-items = { $items ->
    [rows] Zeilen
   *[provisions] Bestimmungen
}
site-differ = Abweichend
site-agree = Übereinstimmend
site-unknown = Unbekannt
site-who-parliament = Parlament:
site-who-council = Rat:
site-who-between = Zwischen beiden:

## Die Vergleichstabelle (templates/dossier.html)

site-every-provision-title = { $dossier }: alle Bestimmungen
site-as-of-note-start = Dies ist die Tabelle
site-as-of-note-date = mit dem Stand vom { $date }
site-as-of-note-end = : Später datierte Standpunkte sind nicht berücksichtigt.
site-as-of-current = Zu den aktuellen Standpunkten.
site-about = Über dieses Gesetz und seinen Stand
site-levels-rows = Diese Tabelle fasst die Verhandlung in { $count } { $count ->
    [one] Zeile
   *[other] Zeilen
} zusammen, jede mit den Bestimmungen verknüpft, auf denen sie beruht.
site-levels-every-provision = Alle Bestimmungen ({ $count })
site-levels-texts = die Volltexte nebeneinander
site-levels-provisions = Alle Bestimmungen des Gesetzes, eine Zeile je Bestimmung ({ $count }).
site-levels-summary-table = Die Übersichtstabelle
site-filter-dates = Standpunkte zu einem Datum
site-filter-dates-label = Standpunkte vom:
site-now = Aktuell
site-filter-topics = Nach Thema filtern
site-filter-topic-label = Thema:
site-all = Alle ({ $count })
site-only-differ = Nur wo Parlament und Rat abweichen
site-columns = Spalten
site-count-shown = { $shown } von { $total } { $items ->
    [rows] Zeilen
   *[provisions] Bestimmungen
} angezeigt
site-count-unknown = ; bei { $count } weiteren ist nicht bekannt, ob sie abweichen
site-caption-as-of = Standpunkte vom { $date }, verglichen mit dem Vorschlag der Kommission
site-caption-topic = { $items ->
    [rows] Zeilen
   *[provisions] Bestimmungen
} zum Thema „{ $topic }“, verglichen mit dem Vorschlag der Kommission
site-caption-rows = Standpunkte zusammengefasst, Zeile für Zeile, verglichen mit dem Vorschlag der Kommission
site-caption-all = Standpunkte zu jeder Bestimmung, verglichen mit dem Vorschlag der Kommission
site-new = Neu
site-link-row = Link zu dieser Zeile
site-no-items = Noch keine { $items ->
    [rows] Zeilen
   *[provisions] Bestimmungen
}.
site-table-note = Die Zellen fassen den aktuellen Standpunkt jedes Organs zusammen; öffnen Sie { $items ->
    [rows] eine Zeile für die Rechtstexte, auf denen sie beruht
   *[provisions] eine Bestimmung für die Volltexte
}, die markierten Änderungen und den Verlauf jedes Standpunkts.

## Die Seite einer Bestimmung und einer Zeile (templates/provision.html, row.html)

site-breadcrumbs = Navigationspfad
site-topics = Themen:
site-in-summary = In der Übersichtstabelle
site-cites = (nennt { $references })
site-link-section = Link zu diesem Abschnitt
site-show-marks = Markierte Änderungen anzeigen
site-current-positions = Aktuelle Standpunkte
site-positions-caption = { $reference }: der aktuelle Text jedes Organs, Änderungen gegenüber dem Vorschlag der Kommission markiert
site-consequences-title = Folgen des Vorschlags der Kommission
site-changes-compared = Änderungen im Vergleich
site-link-comparison = Link zu diesem Vergleich
site-diff-stats = { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen; { $similarity } % des Textes unverändert
site-diff-timed-out = (absatzweise verglichen: der wortweise Vergleich dauerte zu lange)
site-same-text = Parlament und Rat haben denselben Text.
site-diff-stats-council = { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen (Rat gegenüber Parlament); { $similarity } % des Textes gemeinsam.
site-history = Verlauf der Standpunkte
site-current = aktuell
site-link-version = Link zu dieser Fassung
site-changes-previous = Änderungen gegenüber der vorigen Fassung: { $inserted } { $inserted ->
    [one] Wort
   *[other] Wörter
} eingefügt, { $deleted } gestrichen.
site-sources = Quellen
site-about-source = über diese Quelle
site-other-provisions = Weitere Bestimmungen
site-row-rests-on = Eine Zeile der Übersichtstabelle. Sie beruht auf
site-row-texts-follow = : Ihre Texte folgen unter den Zusammenfassungen.
site-current-positions-summary = Aktuelle Standpunkte, zusammengefasst
site-row-caption = { $title }: der aktuelle Standpunkt jedes Organs, zusammengefasst
site-legal-texts = Die Rechtstexte
site-link-provision = Link zu dieser Bestimmung
site-cited-here = Hier genannt:
site-provision-page = Die Seite der Bestimmung
site-provision-page-has = enthält ihren Verlauf und die Änderungen jeder Spalte.
site-other-rows = Weitere Zeilen

## Die Seite des Rates (templates/council.html)

site-council-title = { $dossier }: der Rat und die Mitgliedstaaten
site-council-lead = Würde der Text des Rates angenommen, und wer entscheidet darüber? Der Rat beschließt mit qualifizierter Mehrheit: mindestens 55 % der Mitgliedstaaten (15 von 27), die mindestens 65 % der Bevölkerung der EU vertreten. Vier oder mehr Staaten mit mehr als 35 % der Bevölkerung können einen Text blockieren. Ein Staat, der sich enthält, unentschieden ist oder keinen erfassten Standpunkt hat, zählt nicht als Zustimmung.
site-council-no-population = Für den Rat sind keine Bevölkerungszahlen erfasst, daher ist keine Auszählung möglich.
site-council-no-stances = Für dieses Dossier sind noch keine Haltungen der Mitgliedstaaten erfasst.
site-council-dates-meetings = Jedes Datum unten ist eine Sitzung des Rates zu einem Text. Nur die Haltung einer Regierung zu diesem Text zählt: Eine Haltung zu einem früheren Kompromiss steht daneben, wird aber nicht gezählt.
site-council-dates-changes = Jedes Datum unten ist ein Tag, an dem sich die erfasste Haltung einer Regierung änderte; eine Haltung gilt bis zur nächsten.
site-council-recorded = Haltungen sind für { $count } der 27 Mitgliedstaaten erfasst.
site-council-meetings-list = Die Sitzungen des Rates, die jüngste zuerst:
site-council-dates-list = Haltungen vom, die jüngsten zuerst:
site-latest = jüngste
site-link-date = Link zu diesem Datum
site-meeting-text = Vorliegender Text
site-meeting-who = Gremium
site-meeting-outcome = Ergebnis
site-according-to = , laut
site-tally-title-meeting = Was die erfassten Haltungen allein ergäben
site-tally-title = Was die erfassten Haltungen ergeben
site-bar-states = Mitgliedstaaten:
site-bar-population = Bevölkerung:
site-bar-in-favour = dafür
site-bar-rest = { $unknown } nicht erfasst, { $against } nicht dafür
site-bar-states-need = (15 von 27 müssen zustimmen)
site-bar-population-need = (65 % müssen zustimmen)
site-bar-states-label = Mitgliedstaaten: { $support } dafür, { $unknown } ohne erfassten Standpunkt, { $against } nicht dafür; { $needed } von { $total } müssen zustimmen
site-bar-population-label = Bevölkerung der EU: { $support } dafür, { $unknown } ohne erfassten Standpunkt, { $against } nicht dafür; 65 % müssen zustimmen
site-bar-note = Farben wie auf der Karte; die gestrichelte Linie zeigt, was für eine Zustimmung nötig ist.
site-what-would-change = Was das Ergebnis ändern würde:
site-nothing-would-change = Keine Gruppe von bis zu vier Staaten könnte dieses Ergebnis durch einen Wechsel ändern.
site-population-figures = Bevölkerungszahlen für { $year } ({ $source }).
site-stances-caption = Haltungen der Mitgliedstaaten { $meeting ->
    [yes] zum Text vom { $date }
   *[no] am { $date }
}, mit ihrem Anteil an der Bevölkerung der EU { $year }
site-member-state = Mitgliedstaat
site-stance = Haltung
site-stance-on-text = Haltung zu diesem Text
site-population = Bevölkerung
site-earlier-stance = Frühere Haltung, nicht gezählt
site-earlier-short = Früher, nicht gezählt
site-source-column = Quelle
site-earlier-on = , zu
site-earlier-on-law = , zum Gesetz allgemein
site-state-histories = Die Haltung jeder Regierung im Zeitverlauf
site-on-text = zu

## Die Seiten der Verhandlungsführer, Quellen, Volltexte und die Chronik

site-negotiators-title = { $dossier }: Verhandlungsführer
site-negotiators-lead = Berichterstatter und Schattenberichterstatter des Europäischen Parlaments, nach Ausschuss und Fraktion.
site-negotiators-caption = Mitglieder des Europäischen Parlaments, die { $dossier } verfolgen: Ausschüsse in Zeilen, Fraktionen in Spalten
site-committee = Ausschuss
site-lead = federführend
site-rapporteur-mark = (Berichterstatter)
site-no-negotiators = Noch keine Verhandlungsführer erfasst.
site-others = Weitere
site-sources-title = { $dossier }: Quellen
site-sources-lead = Jeder Standpunkt, jede Haltung und jedes Ereignis auf dieser Website nennt eines dieser Dokumente. Die Hinweise sagen, wie jedes gelesen wurde und wie weit man ihm trauen kann.
site-cited-for = Genannt für:
site-cited-on = Genannt auf der
site-council-page = Seite des Rates
site-cited-in-timeline = Genannt in der Chronik:
site-text-title = { $dossier }: die Texte nebeneinander
site-text-lead = Das vierspaltige Dokument: der Vorschlag der Kommission und der aktuelle Text jedes Organs, mit seinen Änderungen gegenüber dem Vorschlag der Kommission markiert.
site-no-marks = Noch ist kein späterer Text erfasst, daher ist nichts markiert: Die Spalten zeigen den Standpunkt jedes Organs, soweit er bekannt ist.
site-text-caption = Volltexte von { $dossier }, { $procedure }
site-timeline-title = { $dossier }: Chronik
site-timeline-lead = Jedes erfasste Ereignis und jeder veröffentlichte Standpunkt, { $order ->
    [latest] das Neueste zuerst
   *[oldest] das Älteste zuerst
}. Standpunkte verweisen auf den Verlauf der Bestimmung.
site-timeline-order = Reihenfolge der Chronik
site-timeline-order-label = Reihenfolge:
site-latest-first = Neueste zuerst
site-oldest-first = Älteste zuerst
site-link-entry = Link zu diesem Eintrag
site-unverified = Nicht überprüft
site-unverified-note = Nur von Quellen berichtet, die nicht überprüft werden konnten.
site-no-events = Noch keine Ereignisse erfasst.
site-untranslated = Dieser Text ist in dieser Sprache nicht übersetzt; er wird in der Hauptsprache des Dossiers angezeigt.
