# L'interface de trilogue en français. Vocabulaire des institutions (EUR-Lex, Code de
# rédaction interinstitutionnel) : « Considérant », « Article premier », « Annexe »,
# « Parlement européen », « Conseil », « Commission européenne ».

## Institutions, statuts, positions, rôles

institution-commission = Commission
institution-parliament = Parlement
institution-council = Conseil
institution-agreement = Accord
institution-full-commission = Commission européenne
institution-full-parliament = Parlement européen
institution-full-council = Conseil de l'Union européenne
institution-full-agreement = Accord provisoire
position-commission = Proposition de la Commission
position-parliament = Position du Parlement
position-council = Position du Conseil
position-agreement = Accord provisoire
status-proposal = Proposition de la Commission
status-parliament-mandate = Mandat du Parlement adopté
status-council-mandate = Mandat du Conseil adopté
status-trilogue = En trilogue
status-adopted = Adopté
status-withdrawn = Retiré
stance-support = soutient
stance-oppose = s'oppose
stance-undecided = indécis
stance-abstain = s'abstient
stance-unknown = position inconnue
role-rapporteur = Rapporteur
role-shadow-rapporteur = Rapporteur fictif
role-negotiator = Négociateur
role-presidency = Présidence
role-commissioner = Commissaire
role-official = Fonctionnaire
role-other = Autre

## États membres (noms courts officiels de l'UE, ordre protocolaire)

country-BE = Belgique
country-BG = Bulgarie
country-CZ = Tchéquie
country-DK = Danemark
country-DE = Allemagne
country-EE = Estonie
country-IE = Irlande
country-EL = Grèce
country-ES = Espagne
country-FR = France
country-HR = Croatie
country-IT = Italie
country-CY = Chypre
country-LV = Lettonie
country-LT = Lituanie
country-LU = Luxembourg
country-HU = Hongrie
country-MT = Malte
country-NL = Pays-Bas
country-AT = Autriche
country-PL = Pologne
country-PT = Portugal
country-RO = Roumanie
country-SI = Slovénie
country-SK = Slovaquie
country-FI = Finlande
country-SE = Suède

## Dates

date-day = %-d %B %Y
date-day-first = 1er %B %Y
date-month = %B %Y

## Listes et nombres

list-and = { $rest } et { $last }
provisions-count = { $count } { $count ->
    [one] disposition
   *[other] dispositions
}
in-main-language = (en { $language ->
    [fr] français
    [de] allemand
   *[en] anglais
})

## Cellules, statuts et comparaisons

not-in-proposal = Ne figure pas dans la proposition de la Commission
no-position-yet = Pas encore de position
new-provision-by = Nouvelle disposition insérée par { $institution ->
    [commission] la Commission
    [parliament] le Parlement
    [agreement] l'accord
   *[council] le Conseil
}
no-change-from-proposal = Aucune modification par rapport à la proposition de la Commission
same-as-position-of = Identique à { $institution ->
    [commission] la proposition de la Commission
    [parliament] la position du Parlement
    [agreement] l'accord provisoire
   *[council] la position du Conseil
}
deleted = Supprimé
text-not-available = Texte non disponible : résumé de la position
own-text = Texte propre
summary-only = Résumé seulement
no-position = aucune position
new-text = Nouveau texte
amends-text = Modifie le texte : { $inserted } { $inserted ->
    [one] mot inséré
   *[other] mots insérés
}, { $deleted } { $deleted ->
    [one] supprimé
   *[other] supprimés
}.
full-text-only = Texte intégral uniquement : voir la note en texte intégral.
consequences = Conséquences
against-proposal = { $position } { $institution ->
    [agreement] comparé
   *[other] comparée
} à la proposition de la Commission
council-against-parliament = Position du Conseil comparée à la position du Parlement
positions-published = { $position } : { $count } { $count ->
    [one] disposition
   *[other] dispositions
}
link-to-paragraph = Lien vers ce paragraphe

## Le Conseil

population-not-recorded = Les chiffres de population de { $year } ne sont pas enregistrés ; ceux de { $used } sont utilisés.
stances-missing = Aucune position n'est enregistrée pour { $missing } des { $total } États membres à cette date ; ils comptent comme ne soutenant pas, et ce décompte ne montre donc que ce qu'impliquent les positions enregistrées.
map-title = Positions des États membres au { $date }
council-rule = { $percent } % de { $total } { $total ->
    [one] État
   *[other] États
}
council-qualified-majority = Majorité qualifiée : { $support ->
    [one] l'État favorable
   *[other] les { $support } États favorables
} (au moins { $needed } requis, { $rule }) { $support ->
    [one] représente
   *[other] représentent
} { $population } % de la population de l'UE (au moins 65 % requis).
council-deemed-reached = Majorité qualifiée réputée atteinte : { $support ->
    [one] l'État favorable ne représente
   *[other] les { $support } États favorables ne représentent
} que { $population } % de la population de l'UE, moins de 65 %, mais { $against ->
    [one] un seul État ne soutient pas
   *[other] seuls { $against } États ne soutiennent pas
} ({ $against_population } %), moins que les quatre requis pour une minorité de blocage.
council-no-support = Pas de majorité qualifiée : aucun État ne soutient ; il en faut { $needed } ({ $rule }) représentant au moins 65 % de la population de l'UE.
council-too-few-states = Pas de majorité qualifiée : { $support } { $support ->
    [one] État soutient
   *[other] États soutiennent
}, moins que les { $needed } requis ({ $rule }) ; { $enough ->
    [yes] ils représentent { $population } % de la population de l'UE, ce qui suffirait
   *[no] ils représentent { $population } % de la population de l'UE, également moins de 65 %
}.
council-population-short = Pas de majorité qualifiée : { $support ->
    [one] l'État favorable représente
   *[other] les { $support } États favorables représentent
} { $population } % de la population de l'UE, moins de 65 %.
council-population-short-blocking = Pas de majorité qualifiée : { $support ->
    [one] l'État favorable représente
   *[other] les { $support } États favorables représentent
} { $population } % de la population de l'UE, moins de 65 % ; { $against } { $against ->
    [one] État
   *[other] États
} avec { $against_population } % forment une minorité de blocage.
council-missing-population = Les chiffres de population de { $year } ne donnent aucune part pour : { $names } ; comptée pour 0 % de la population.
flip-stop-too-few = Retrait du soutien ({ $names }) : il n'y aurait plus de majorité qualifiée ; seuls { $support } { $support ->
    [one] État soutiendrait
   *[other] États soutiendraient
}, il en faut { $needed }.
flip-stop-blocking = Retrait du soutien ({ $names }) : il n'y aurait plus de majorité qualifiée ; { $against } { $against ->
    [one] État
   *[other] États
} avec { $against_population } % de la population de l'UE formeraient une minorité de blocage.
flip-switch-population = Ralliement ({ $names }) : il y aurait une majorité qualifiée ; { $support } { $support ->
    [one] État
   *[other] États
} représentant { $population } % de la population de l'UE soutiendraient.
flip-switch-no-blocking = Ralliement ({ $names }) : il y aurait une majorité qualifiée ; { $support } { $support ->
    [one] État soutiendrait
   *[other] États soutiendraient
}, et seuls { $against } resteraient non favorables, moins que les quatre requis pour une minorité de blocage.
flip-search-stopped = (La recherche s'est arrêtée après { $cap } combinaisons de { $k } États ; d'autres groupes de { $k } peuvent aussi changer le résultat.)

## La page du Conseil : réunions et ce que décident les positions enregistrées

no-position-on-text = aucune position enregistrée sur ce texte
source-label = Source
percent = { $value } %
council-body-working-party = Groupe de travail (experts nationaux)
council-body-coreper = Coreper (les ambassadeurs des États membres)
council-body-council = Conseil (les ministres)
meeting-outcome-adopted = Adopté
meeting-outcome-no-majority = Pas de majorité qualifiée
meeting-outcome-withdrawn = Retiré avant un vote
meeting-outcome-not-voted = Examiné, pas mis aux voix
meeting-headline = { $body ->
    [working-party] { $outcome ->
        [adopted] Adopté par le groupe de travail
        [no-majority] Pas de majorité qualifiée au groupe de travail
        [withdrawn] Retiré de l'ordre du jour du groupe de travail avant un vote
       *[not-voted] Examiné au groupe de travail, sans mise aux voix
    }
    [coreper] { $outcome ->
        [adopted] Adopté par le Coreper
        [no-majority] Pas de majorité qualifiée au Coreper
        [withdrawn] Retiré de l'ordre du jour du Coreper avant un vote
       *[not-voted] Examiné au Coreper, sans mise aux voix
    }
   *[council] { $outcome ->
        [adopted] Adopté par le Conseil
        [no-majority] Pas de majorité qualifiée au Conseil
        [withdrawn] Retiré de l'ordre du jour du Conseil avant un vote
       *[not-voted] Examiné au Conseil, sans mise aux voix
    }
}
recorded-stance-count = { $count } { $kind ->
    [support] pour
    [oppose] contre
    [abstain] { $count ->
        [one] abstention
       *[other] abstentions
    }
   *[undecided] indécis
}
recorded-stances-none = aucune
recorded-stances = { $scope ->
    [text] Positions enregistrées sur ce texte
   *[all] Positions enregistrées
} : { $known } ; { $missing ->
    [none] chacun des { $total } États a une position enregistrée.
    [all] aucune position enregistrée pour aucun des { $total } États.
   *[some] aucune position enregistrée pour { $unknown } des { $total } { $total ->
        [one] État
       *[other] États
    }.
}
unknown-states = { $count } { $count ->
    [one] État sans position enregistrée
   *[other] États sans position enregistrée
}{ $scope ->
    [text] {" "}sur ce texte
   *[all] {""}
}
range-verdict = { $case ->
    [passes-all] Les positions enregistrées donnent une majorité qualifiée.
    [passes] Les positions enregistrées suffisent à donner une majorité qualifiée, même si aucun des { $unknown_states } ne soutenait le texte.
    [fails-all] Les positions enregistrées ne donnent pas de majorité qualifiée.
    [fails-states] Les positions enregistrées suffisent à exclure une majorité qualifiée : { $against } { $against ->
        [one] État est enregistré
       *[other] États sont enregistrés
    } comme ne soutenant pas, si bien qu'au plus { $best } pourraient soutenir, moins que les { $needed } requis.
    [fails-population] Les positions enregistrées suffisent à exclure une majorité qualifiée : { $against ->
        [one] l'État enregistré
       *[other] les { $against } États enregistrés
    } comme ne soutenant pas { $against ->
        [one] représente
       *[other] représentent
    } { $against_population } % de la population de l'UE, si bien que même avec les { $unknown_states }, les soutiens représenteraient au plus { $best_population } %, moins que les 65 % requis.
   *[open] Les positions enregistrées ne suffisent pas à trancher : tout dépend des { $unknown_states }. { $against ->
        [one] L'État enregistré
       *[other] Les { $against } États enregistrés
    } comme ne soutenant pas { $against ->
        [one] représente
       *[other] représentent
    } { $against_population } % de la population de l'UE, { $few ->
        [yes] trop peu d'États
       *[no] trop peu
    } pour la bloquer.
}
range-headline = { $decided ->
    [passes] Majorité qualifiée selon les positions enregistrées
    [fails] Pas de majorité qualifiée selon les positions enregistrées
   *[open] Ouvert : tout dépend { $unknown ->
        [one] de l'État sans position enregistrée
       *[other] des { $unknown } États sans position enregistrée
    }
}


## Titres des pages, descriptions et flux

site-description = Comment la Commission européenne, le Parlement européen et le Conseil divergent sur les lois de l'UE, disposition par disposition.
page-not-found = Page introuvable
page-not-found-description = Cette page n'existe pas.
comparison-table = { $dossier } : tableau comparatif
table-as-of = { $dossier } : positions au { $date }
table-as-of-description = Le tableau comparatif { $dossier } tel qu'il se présentait le { $date }.
topic-page = { $dossier } : { $topic }
topic-description = { $dossier } — dispositions relatives au thème : { $topic }
full-texts = { $dossier } : textes intégraux en regard
full-texts-description = Les textes de { $dossier } en quatre colonnes, avec les modifications par rapport à la proposition de la Commission signalées.
sources = { $dossier } : sources
sources-description = Les documents cités pour { $dossier }.
timeline = { $dossier } : chronologie
timeline-description = Chaque événement et chaque position sur { $dossier }, par ordre chronologique.
council = { $dossier } : le Conseil et les États membres
council-description = La position de chaque gouvernement sur { $dossier } et l'existence ou non d'une majorité qualifiée.
negotiators = { $dossier } : négociateurs
negotiators-description = Qui négocie { $dossier } : rapporteurs, rapporteurs fictifs et autres.
provision-page = { $dossier } { $reference } : { $title }
feed-of-all = trilogue : tous les dossiers
dossier-feed = { $dossier } : positions et événements
feed-entry = { $reference } { $title } : { $position }

## Notes de synthèse : lignes de la couverture et liens

pdf-to-print = PDF à imprimer (A4, { $count } { $count ->
    [one] disposition
   *[other] dispositions
})
pdf-of-topic = PDF de ce thème (A4, { $count } { $count ->
    [one] disposition
   *[other] dispositions
})
all-provisions-in-briefing = Toutes les dispositions de cette note
provisions-label = Dispositions
all-provisions-of-dossier = { $count ->
    [one] L'unique disposition du dossier
   *[other] Les { $count } dispositions du dossier
}
provisions-selected = { $count } { $count ->
    [one] disposition sélectionnée
   *[other] dispositions sélectionnées
}
topics-label = { $count ->
    [one] Thème
   *[other] Thèmes
}
selected-by-reference = Sélectionnées par référence
columns-label = Colonnes
cells-label = Cellules
cells-full-text = Textes intégraux, avec les modifications par rapport à la proposition de la Commission signalées
cells-summaries = Résumé d'une ligne de chaque position

## Lignes de synthèse et tableaux

not-confirmed-by = Non confirmé par { $institution ->
    [commission] la proposition ultérieure de la Commission
    [parliament] la position ultérieure du Parlement
    [agreement] le texte convenu ultérieurement
   *[council] la position ultérieure du Conseil
} du { $date }
own-number = { $reference } dans { $institution ->
    [commission] la proposition de la Commission
    [parliament] le texte du Parlement
    [agreement] l'acte final
   *[council] le texte du Conseil
}
stand-same = aucune modification
stand-changes = la modifie
stand-unknown = pas de position
between-differ = divergent
between-same = concordent
between-unknown = inconnu
row-page = { $dossier } : { $title }
row-description = { $dossier }, { $title } : la position de chaque institution en résumé, et les textes juridiques sur lesquels elle repose.
provisions-table = { $dossier } : toutes les dispositions
provisions-table-description = La position de chaque institution sur chaque disposition de { $dossier }, comparée à la proposition de la Commission.
rows = { $count } { $count ->
    [one] ligne
   *[other] lignes
}
no-text-recorded = Aucun texte enregistré : voir la position résumée ci-dessus
rows-label = Lignes de synthèse
all-rows-of-dossier = { $count ->
    [one] L'unique ligne du dossier
   *[other] Les { $count } lignes du dossier
}
rows-selected = { $count } { $count ->
    [one] ligne sélectionnée
   *[other] lignes sélectionnées
}
texts-label = Textes juridiques
cited-texts = { $count ->
    [one] L'unique disposition citée par les lignes
   *[other] Les { $count } dispositions citées par les lignes
}, en entier, avec les modifications par rapport à la proposition de la Commission signalées
subject-column = Sujet
provision-column = Disposition
all-rows-in-briefing = Toutes les lignes de cette note
pdf-of-rows = PDF { $topic ->
    [yes] de ce thème
   *[no] à imprimer
} (A4, { $count } { $count ->
    [one] ligne
   *[other] lignes
})
row-feed-entry = { $title } : { $position }

## Notes de synthèse : libellés du document

brief-title = { $dossier } : note de synthèse
brief-title-selection = { $dossier } : note de synthèse ({ $count } { $count ->
    [one] disposition
   *[other] dispositions
})
brief-kicker = Note de synthèse
brief-procedure = Procédure
brief-status = État d'avancement
brief-positions-as-of = Positions au
brief-prepared-on = Établie le
brief-contents = Contenu de cette note
brief-colophon = Établie avec { $generator }. Chaque position cite sa source (numérotée entre crochets, listée à la fin) ; vérifiez les sources avant de citer.
brief-summary = Résumé
brief-where-differ = Là où le Parlement et le Conseil divergent
brief-topic = Thème
brief-provisions = Dispositions
brief-differ = Le Parlement et le Conseil divergent
brief-same = Même position
brief-missing = Une position manque
brief-total = Toutes les dispositions
brief-topics-note = « Une position manque » compte aussi les positions connues seulement en résumé des deux côtés, qui ne peuvent être comparées. Une ligne peut relever de plusieurs thèmes : la somme des thèmes peut dépasser le total.
brief-comparison = Comparaison
brief-cells-full-text = Chaque cellule donne le texte actuel de l'institution, avec sa date et sa source ; lorsque seul un résumé d'une position est connu, ce résumé.
brief-cells-summary = Chaque cellule résume la position actuelle de l'institution, avec sa date et sa source.
brief-no-change-means = « Aucune modification par rapport à la proposition de la Commission » signifie que l'institution conserve le texte de la Commission.
brief-legend = Les modifications par rapport à la proposition de la Commission sont signalées :
brief-inserted = texte ajouté
brief-inserted-style = en gras italique
brief-deleted = texte supprimé
brief-deleted-style = barré
brief-provision = Disposition
brief-new = Nouveau
brief-summary-label = Résumé (texte non disponible) :
brief-texts-title = Les textes juridiques
brief-texts-note = Les dispositions sur lesquelles reposent les lignes ci-dessus, avec le texte actuel de chaque institution ; lorsque seul un résumé d'une position est connu, le résumé.
brief-sources = Sources
brief-header-as-of = positions au
brief-page = Page
brief-page-of = sur
brief-differ-short = Divergent
brief-same-short = Identiques
brief-missing-short = Manquante
brief-stats-note = Divergent : les positions actuelles du Parlement et du Conseil divergent. Identiques : elles disent la même chose. Manquante : l'un d'eux n'a pas encore de position, ou les deux ne sont connues qu'en résumé et ne peuvent être comparées. Une ligne peut relever de plusieurs thèmes : la somme des thèmes peut dépasser le total.

## Les gabarits du site (templates/*.html appellent t("clé", ...)). $items vaut `rows`
## (lignes de synthèse) ou `provisions` ; un message suivi d'un lien ou d'une valeur laisse
## l'espace au gabarit (Fluent supprime les espaces en fin de message).

site-skip = Aller au contenu
site-search = Rechercher
site-search-placeholder = Rechercher des dispositions, des textes, des événements
site-search-none = Aucun résultat pour « { $query } ».
site-search-offline = La recherche ne fonctionne que si le site est servi en http (elle ne peut pas lire des fichiers ouverts depuis le disque).
site-feed-all = Tous les dossiers
site-feed-dossier = Ce dossier
site-print-sources-label = Sources citées sur cette page, et adresse de cette page
site-print-sources = Sources citées sur cette page
site-print-this-page = Cette page : { $address }
site-footer-cites = Chaque position, prise de position et événement de ce site cite le document dont il provient
site-footer-listed = , répertorié avec des notes sur sa fiabilité sur la
site-footer-sources-page = page des sources
site-footer-check = Vérifiez le document avant de le citer. Vous avez repéré une erreur ou un document manquant ? Signalez-le aux personnes qui publient ce site, avec le document qui le montre : chaque correction doit citer sa source.
site-copy-link = Copier le lien
site-copied = Copié
site-copy-row = Copier le lien vers cette ligne
site-copy-paragraph = Copier le lien vers ce paragraphe
site-copy-section = Copier le lien vers cette section
site-colon =  :
site-language = Langue
site-language-switch = Cette page dans une autre langue
site-in-language = { $language ->
    [fr] Français
    [de] Deutsch
   *[en] English
}
site-home-title = Les lois de l'UE, disposition par disposition
site-home-lead = Comment la Commission européenne, le Parlement européen et le Conseil divergent, avec les textes exacts et une source pour chaque position.
site-no-dossiers = Aucun dossier pour l'instant. Créez-en un avec
site-procedure = Procédure
site-status = État d'avancement
site-provisions = Dispositions
site-positions-as-of = Positions au
site-briefing = Note de synthèse
site-not-found-title = Page introuvable
site-not-found-lead = Il n'y a pas de page à cette adresse. Elle a peut-être été renommée lorsque la référence d'une disposition a changé.
site-not-found-home = Aller à la liste des dossiers
site-not-found-search = , ou utiliser la recherche.
site-nav-comparison = Comparaison
site-nav-provisions = Dispositions
site-nav-text = Textes intégraux
site-nav-council = Conseil
site-nav-timeline = Chronologie
site-nav-negotiators = Négociateurs
site-nav-sources = Sources
site-legend-title = Modifications signalées :
site-inserted = texte ajouté
site-inserted-style = en gras italique
site-deleted = texte supprimé
site-deleted-style = barré
site-source-colon = source :
site-source-label = Source :
site-amends-text = Modifie le texte : { $inserted } { $inserted ->
    [one] mot inséré
   *[other] mots insérés
}, { $deleted } { $deleted ->
    [one] supprimé
   *[other] supprimés
}.
site-text-label = Texte :
site-summary-label = Résumé (texte non disponible) :
site-glance-title = Là où le Parlement et le Conseil divergent
site-glance-help = Pour chaque { $items ->
    [rows] ligne
   *[provisions] disposition
} : si le Parlement et le Conseil conservent la proposition de la Commission (« aucune modification ») ou la modifient, et s'ils concordent. « Inconnu » signifie que les positions ne sont connues qu'en résumé et ne peuvent être comparées ; « pas de position » signifie qu'aucune n'est enregistrée.
site-by-topic = Par thème
site-topic = Thème
site-items = { $items ->
    [rows] Lignes
   *[provisions] Dispositions
}
site-differ = Divergent
site-agree = Concordent
site-unknown = Inconnu
site-who-parliament = Parlement :
site-who-council = Conseil :
site-who-between = Entre eux :

## Le tableau comparatif (templates/dossier.html)

site-every-provision-title = { $dossier } : toutes les dispositions
site-as-of-note-start = Voici le tableau
site-as-of-note-date = tel qu'il se présentait le { $date }
site-as-of-note-end =  : les positions datées plus tard sont omises.
site-as-of-current = Voir les positions actuelles.
site-about = À propos de cette loi et de son état d'avancement
site-levels-rows = Ce tableau résume la négociation en { $count } { $count ->
    [one] ligne
   *[other] lignes
}, chacune reliée aux dispositions sur lesquelles elle repose.
site-levels-every-provision = Toutes les dispositions ({ $count })
site-levels-texts = les textes intégraux en regard
site-levels-provisions = Toutes les dispositions de la loi, une ligne chacune ({ $count }).
site-levels-summary-table = Le tableau de synthèse
site-filter-dates = Positions à une date
site-filter-dates-label = Positions au :
site-now = Aujourd'hui
site-filter-topics = Filtrer par thème
site-filter-topic-label = Thème :
site-all = Toutes ({ $count })
site-only-differ = Seulement là où le Parlement et le Conseil divergent
site-columns = Colonnes
site-count-shown = { $shown } { $items ->
    [rows] lignes affichées
   *[provisions] dispositions affichées
} sur { $total }
site-count-unknown =  ; pour { $count } autres, on ne sait pas s'ils divergent
site-caption-as-of = Positions au { $date }, comparées à la proposition de la Commission
site-caption-topic = { $items ->
    [rows] Lignes
   *[provisions] Dispositions
} sur le thème « { $topic } », comparées à la proposition de la Commission
site-caption-rows = Positions en résumé, ligne par ligne, comparées à la proposition de la Commission
site-caption-all = Positions sur chaque disposition, comparées à la proposition de la Commission
site-new = Nouveau
site-link-row = Lien vers cette ligne
site-no-items = { $items ->
    [rows] Aucune ligne
   *[provisions] Aucune disposition
} pour l'instant.
site-table-note = Les cellules résument la position actuelle de chaque institution ; ouvrez { $items ->
    [rows] une ligne pour les textes juridiques sur lesquels elle repose
   *[provisions] une disposition pour les textes intégraux
}, les modifications signalées et l'historique de chaque position.

## La page d'une disposition et celle d'une ligne (templates/provision.html, row.html)

site-breadcrumbs = Fil d'Ariane
site-topics = Thèmes :
site-in-summary = Dans le tableau de synthèse
site-cites = (cite { $references })
site-link-section = Lien vers cette section
site-show-marks = Afficher les modifications signalées
site-current-positions = Positions actuelles
site-positions-caption = { $reference } : le texte actuel de chaque institution, modifications par rapport à la proposition de la Commission signalées
site-consequences-title = Conséquences de la proposition de la Commission
site-changes-compared = Modifications comparées
site-link-comparison = Lien vers cette comparaison
site-diff-stats = { $inserted } { $inserted ->
    [one] mot inséré
   *[other] mots insérés
}, { $deleted } { $deleted ->
    [one] supprimé
   *[other] supprimés
} ; { $similarity } % du texte inchangé
site-diff-timed-out = (comparaison paragraphe par paragraphe : la comparaison mot à mot a pris trop de temps)
site-same-text = Le Parlement et le Conseil ont le même texte.
site-diff-stats-council = { $inserted } { $inserted ->
    [one] mot inséré
   *[other] mots insérés
}, { $deleted } { $deleted ->
    [one] supprimé
   *[other] supprimés
} (Conseil par rapport au Parlement) ; { $similarity } % du texte en commun.
site-history = Historique des positions
site-current = actuelle
site-link-version = Lien vers cette version
site-changes-previous = Modifications par rapport à la version précédente : { $inserted } { $inserted ->
    [one] mot inséré
   *[other] mots insérés
}, { $deleted } { $deleted ->
    [one] supprimé
   *[other] supprimés
}.
site-sources = Sources
site-about-source = à propos de cette source
site-other-provisions = Autres dispositions
site-row-rests-on = Une ligne du tableau de synthèse. Elle repose sur
site-row-texts-follow =  : leurs textes suivent les résumés ci-dessous.
site-current-positions-summary = Positions actuelles, en résumé
site-row-caption = { $title } : la position actuelle de chaque institution, en résumé
site-legal-texts = Les textes juridiques
site-link-provision = Lien vers cette disposition
site-cited-here = Cité ici :
site-provision-page = La page de la disposition
site-provision-page-has = donne son historique et les modifications de chaque colonne.
site-other-rows = Autres lignes

## La page du Conseil (templates/council.html)

site-council-title = { $dossier } : le Conseil et les États membres
site-council-lead = Le texte du Conseil serait-il adopté, et qui en décide ? Le Conseil statue à la majorité qualifiée : au moins 55 % des États membres (15 sur 27) représentant au moins 65 % de la population de l'UE. Quatre États ou plus réunissant plus de 35 % de la population peuvent bloquer un texte. Un État qui s'abstient, est indécis ou n'a pas de position enregistrée ne compte pas comme favorable.
site-council-no-population = Aucun chiffre de population n'est enregistré pour le Conseil : aucun décompte n'est possible.
site-council-no-stances = Aucune position d'État membre n'est encore enregistrée pour ce dossier.
site-council-dates-meetings = Chaque date ci-dessous est une réunion du Conseil sur un texte. Seule la position d'un gouvernement sur ce texte y compte : une position sur un compromis antérieur est indiquée à côté, sans être comptée.
site-council-dates-changes = Chaque date ci-dessous est un jour où la position enregistrée d'un gouvernement a changé ; une position compte jusqu'à la suivante.
site-council-recorded = Des positions sont enregistrées pour { $count } des 27 États membres.
site-council-meetings-list = Les réunions du Conseil, de la plus récente à la plus ancienne :
site-council-dates-list = Positions au, de la plus récente à la plus ancienne :
site-latest = la plus récente
site-link-date = Lien vers cette date
site-meeting-text = Texte examiné
site-meeting-who = Instance réunie
site-meeting-outcome = Résultat
site-according-to = , selon
site-tally-title-meeting = Ce que donneraient les seules positions enregistrées
site-tally-title = Ce que donnent les positions enregistrées
site-bar-states = États membres :
site-bar-population = Population :
site-bar-in-favour = favorables
site-bar-rest = { $unknown } non enregistrés, { $against } non favorables
site-bar-states-need = (15 sur 27 doivent être favorables)
site-bar-population-need = (65 % doivent être favorables)
site-bar-states-label = États membres : { $support } favorables, { $unknown } sans position enregistrée, { $against } non favorables ; { $needed } sur { $total } doivent être favorables
site-bar-population-label = Population de l'UE : { $support } favorable, { $unknown } sans position enregistrée, { $against } non favorable ; 65 % doivent être favorables
site-bar-note = Couleurs comme sur la carte ; la ligne pointillée marque le seuil à atteindre.
site-what-would-change = Ce qui changerait le résultat :
site-nothing-would-change = Aucun groupe de quatre États au plus ne pourrait changer ce résultat en changeant de position.
site-population-figures = Chiffres de population de { $year } ({ $source }).
site-stances-caption = Positions des États membres { $meeting ->
    [yes] sur le texte du { $date }
   *[no] au { $date }
}, avec leur part de la population de l'UE en { $year }
site-member-state = État membre
site-stance = Position
site-stance-on-text = Position sur ce texte
site-population = Population
site-earlier-stance = Position antérieure, non comptée
site-earlier-short = Antérieure, non comptée
site-source-column = Source
site-earlier-on = , sur
site-earlier-on-law = , sur la loi en général
site-state-histories = La position de chaque gouvernement au fil du temps
site-on-text = sur

## Les pages des négociateurs, des sources, des textes intégraux et la chronologie

site-negotiators-title = { $dossier } : négociateurs
site-negotiators-lead = Le rapporteur et les rapporteurs fictifs du Parlement européen, par commission et groupe politique.
site-negotiators-caption = Députés au Parlement européen qui suivent { $dossier } : commissions en lignes, groupes politiques en colonnes
site-committee = Commission parlementaire
site-lead = compétente au fond
site-rapporteur-mark = (rapporteur)
site-no-negotiators = Aucun négociateur enregistré pour l'instant.
site-others = Autres
site-sources-title = { $dossier } : sources
site-sources-lead = Chaque position, prise de position et événement de ce site cite l'un de ces documents. Les notes disent comment chacun a été lu et dans quelle mesure on peut s'y fier.
site-cited-for = Cité pour :
site-cited-on = Cité sur la
site-council-page = page du Conseil
site-cited-in-timeline = Cité dans la chronologie :
site-text-title = { $dossier } : les textes en regard
site-text-lead = Le document à quatre colonnes : la proposition de la Commission et le texte actuel de chaque institution, avec ses modifications par rapport à la proposition de la Commission signalées.
site-no-marks = Aucun texte ultérieur n'est encore enregistré, rien n'est donc signalé : les colonnes donnent la position de chaque institution dans la mesure où elle est connue.
site-text-caption = Textes intégraux de { $dossier }, { $procedure }
site-timeline-title = { $dossier } : chronologie
site-timeline-lead = Chaque événement enregistré et chaque position publiée, { $order ->
    [latest] du plus récent au plus ancien
   *[oldest] du plus ancien au plus récent
}. Les positions renvoient à l'historique de la disposition.
site-timeline-order = Ordre de la chronologie
site-timeline-order-label = Ordre :
site-latest-first = Plus récent d'abord
site-oldest-first = Plus ancien d'abord
site-link-entry = Lien vers cette entrée
site-unverified = Non vérifié
site-unverified-note = Rapporté uniquement par des sources qui n'ont pas pu être vérifiées.
site-no-events = Aucun événement enregistré pour l'instant.
site-untranslated = Ce texte n'est pas traduit dans cette langue ; il est donné dans la langue principale du dossier.
