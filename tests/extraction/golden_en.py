"""English golden cases: one attribution structure per case, sentences written for the tests."""

from __future__ import annotations

from .cases import Case
from .cases import Expect as E

CASES = (
    Case(
        "subject-first-that",
        "Finance Minister Ana Costa said on Monday that inflation would fall below 3% this year.",
        (E("Ana Costa", "Finance Minister", "said", "inflation would fall below 3% this year", "indirect"),),
    ),
    Case(
        "subject-first-no-complementiser",
        "Police said two men had been arrested after the attack.",
        (E("Police", "", "said", "two men had been arrested after the attack", "indirect"),),
    ),
    Case(
        "plural-present",
        "Investigators believe the fire was started deliberately.",
        (E("Investigators", "", "believe", "the fire was started deliberately", "indirect"),),
    ),
    Case(
        "present-tense-title",
        "Prime Minister Lena Varga says the economy is turning a corner.",
        (E("Lena Varga", "Prime Minister", "says", "the economy is turning a corner", "indirect"),),
    ),
    Case(
        "statement-frame",
        "In a statement, the ministry said the claims were baseless.",
        (E("ministry", "", "said", "the claims were baseless", "indirect"),),
    ),
    Case(
        "told-recipient",
        "Opposition leader Sam Okafor told reporters the vote had been rigged.",
        (E("Sam Okafor", "Opposition leader", "told", "the vote had been rigged", "indirect"),),
    ),
    Case(
        "told-outlet-that",
        "John Brown, the company’s chief executive, told Reuters that profits would double.",
        (E("John Brown", "company’s chief executive", "told", "profits would double", "indirect"),),
    ),
    Case(
        "appositive-role-first",
        "The company’s chief executive, John Brown, said profits would double.",
        (E("John Brown", "company’s chief executive", "said", "profits would double", "indirect"),),
    ),
    Case(
        "appositive-relative-clause",
        "Laura Chen, who chairs the committee, said the bill lacked support.",
        (E("Laura Chen", "", "said", "the bill lacked support", "indirect"),),
    ),
    Case(
        "quote-first-inverted",
        "“We will not negotiate under threat,” said Maria Lopez, the country’s foreign minister.",
        (
            E(
                "Maria Lopez",
                "country’s foreign minister",
                "said",
                "We will not negotiate under threat",
                "direct",
            ),
        ),
    ),
    Case(
        "quote-first-pronoun",
        "Interior Minister Omar Haddad visited the border crossing on Sunday. "
        "“The situation is under control,” he said.",
        (E("Omar Haddad", "Interior Minister", "said", "The situation is under control", "direct"),),
    ),
    Case(
        "content-first-inverted-indirect",
        "The names of the victims will not be released until Friday, said police spokesman Jacob Hart.",
        (
            E(
                "Jacob Hart",
                "police spokesman",
                "said",
                "The names of the victims will not be released until Friday",
                "indirect",
            ),
        ),
    ),
    Case(
        "colon-quotation",
        "Government spokesman Peter Lind told reporters: “There is no such plan.”",
        (E("Peter Lind", "Government spokesman", "told", "There is no such plan", "direct"),),
    ),
    Case(
        "according-to-first",
        "According to the health ministry, 40 people were injured in the blast.",
        (E("health ministry", "", "According to", "40 people were injured in the blast", "indirect"),),
    ),
    Case(
        "according-to-last",
        "Forty people were injured in the blast, according to the health ministry.",
        (E("health ministry", "", "according to", "Forty people were injured in the blast", "indirect"),),
    ),
    Case(
        "according-to-pronoun-quote",
        "Mayor Tom Reed spoke to residents on Friday. According to him, “the worst is over.”",
        (E("Tom Reed", "Mayor", "According to", "the worst is over", "direct"),),
    ),
    Case(
        "participle-adding",
        "Health Minister Jane Doe said the hospital would reopen next week, "
        "adding that no patients had been harmed.",
        (
            E("Jane Doe", "Health Minister", "said", "the hospital would reopen next week", "indirect"),
            E("Jane Doe", "Health Minister", "adding", "no patients had been harmed", "indirect"),
        ),
    ),
    Case(
        "split-quote-two-sentences",
        "“The plan is dead,” Smith said. “Nobody wants it.”",
        (E("Smith", "", "said", "The plan is dead,” Smith said. “Nobody wants it", "direct"),),
    ),
    Case(
        "split-quote-one-sentence",
        "“The plan,” Smith said, “is dead.”",
        (E("Smith", "", "said", "The plan,” Smith said, “is dead", "direct"),),
    ),
    Case(
        "surname-resolves-to-full-name",
        "Acme chief executive John Brown spoke at the launch. Brown said the product would ship in May.",
        (E("John Brown", "Acme chief executive", "said", "the product would ship in May", "indirect"),),
    ),
    Case(
        "denial-and-accusation",
        "Russia has denied targeting civilians and accused Ukraine of staging the attack.",
        (
            E("Russia", "", "denied", "targeting civilians", "indirect"),
            E("Russia", "", "accused", "Ukraine of staging the attack", "indirect"),
        ),
    ),
    Case(
        "denial-noun-phrase",
        "Acme Corp denied any wrongdoing.",
        (E("Acme Corp", "", "denied", "any wrongdoing", "indirect"),),
    ),
    Case(
        "appeal-ends-content",
        "The coach said his team had played well and urged fans to stay calm.",
        (E("coach", "", "said", "his team had played well", "indirect"),),
    ),
    Case(
        "but-added",
        "The minister insisted the policy was working, but admitted that mistakes had been made.",
        (
            E("minister", "", "insisted", "the policy was working", "indirect"),
            E("minister", "", "admitted", "mistakes had been made", "indirect"),
        ),
    ),
    Case(
        "mixed-quotation",
        "Union leader Rosa Dunn said the company had “no intention” of raising wages.",
        (E("Rosa Dunn", "Union leader", "said", "the company had “no intention” of raising wages", "mixed"),),
    ),
    Case(
        "headline-speaker-colon",
        "Minister: Budget cuts will not touch hospitals\n\n"
        "Finance Minister Ana Costa said on Tuesday that hospitals would be spared.",
        (
            E("Ana Costa", "Finance Minister", ":", "Budget cuts will not touch hospitals", "indirect"),
            E("Ana Costa", "Finance Minister", "said", "hospitals would be spared", "indirect"),
        ),
    ),
    Case(
        "quote-only-continuation",
        "“We will rebuild,” Mayor Tom Reed said.\n\n“It will take years, but we will do it.”",
        (
            E("Tom Reed", "Mayor", "said", "We will rebuild", "direct"),
            E("Tom Reed", "Mayor", "", "It will take years, but we will do it", "direct"),
        ),
    ),
    Case(
        "acronym-resolves",
        "The World Health Organization (WHO) warned that cases could double. "
        "The WHO said vaccines remained effective.",
        (
            E("World Health Organization", "", "warned", "cases could double", "indirect"),
            E("World Health Organization", "", "said", "vaccines remained effective", "indirect"),
        ),
    ),
    Case(
        "dash-parenthetical-subject",
        "Acme - which makes batteries for electric cars - said it expected sales to rise.",
        (E("Acme", "", "said", "it expected sales to rise", "indirect"),),
    ),
    Case(
        "coordinated-verb-takes-sentence-subject",
        "LONDON (Reuters) - The Bank of England kept rates on hold and warned that growth would slow.",
        (E("Bank of England", "", "warned", "growth would slow", "indirect"),),
    ),
    Case(
        "contrasting-clause-ends-content",
        "Senator Amy Ross said the law was unfair, while other lawmakers called for a vote.",
        (E("Amy Ross", "Senator", "said", "the law was unfair", "indirect"),),
    ),
    Case(
        "second-attribution-after-and",
        "The mayor said the road would reopen, and police said the suspect had fled.",
        (
            E("mayor", "", "said", "the road would reopen", "indirect"),
            E("police", "", "said", "the suspect had fled", "indirect"),
        ),
    ),
    Case(
        "participial-appositive",
        "The study, published in a medical journal, found that the drug reduced deaths by 20%.",
        (E("study", "", "found", "the drug reduced deaths by 20%", "indirect"),),
    ),
    Case(
        "the-company-is-the-main-organisation",
        "Nimbus Inc sells cloud storage. Nimbus shares fell on Monday. The company denied the allegations.",
        (E("Nimbus Inc", "", "denied", "the allegations", "indirect"),),
    ),
    Case(
        "prepositional-parenthesis",
        "The minister, in a statement, said the talks had failed.",
        (E("minister", "", "said", "the talks had failed", "indirect"),),
    ),
    Case(
        "quoted-as-saying",
        "Finance chief Lisa Park was quoted as saying the deal was done.",
        (E("Lisa Park", "Finance chief", "saying", "the deal was done", "indirect"),),
    ),
    Case("added-goal-is-not-a-claim", "He added a goal in the second half.", ()),
    Case("said-to-be-is-not-a-claim", "The deal, said to be worth $1bn, was signed.", ()),
    Case("stressed-noun-is-not-a-claim", "She stressed the need for calm.", ()),
    Case(
        "noted-clause-with-irregular-verb",
        "The agency noted the rally drew large crowds.",
        (E("agency", "", "noted", "the rally drew large crowds", "indirect"),),
    ),
    Case(
        "name-in-apposition-to-description",
        "Residents were angry. One resident, Maria, said: “We have nothing.”",
        (E("Maria", "One resident", "said", "We have nothing", "direct"),),
    ),
    Case("warns-of-noun-is-not-a-claim", "UN chief warns of ‘climate hell’", ()),
    Case(
        "pronoun-after-person-introduced-with-age",
        "Mark Jones, 34, was at the scene. “It was horrible,” he said.",
        (E("Mark Jones", "", "said", "It was horrible", "direct"),),
    ),
    Case(
        "pronoun-skips-team-names",
        "Coach Ana Ruiz was calm. The Blue Tigers lost again. “It was bad,” she said.",
        (E("Ana Ruiz", "Coach", "said", "It was bad", "direct"),),
    ),
    Case(
        "link-to-another-article-is-skipped",
        "Read more: Biden says the economy is strong\n\nOfficials said the port would reopen.",
        (E("Officials", "", "said", "the port would reopen", "indirect"),),
    ),
    Case(
        "quotation-over-paragraphs-attributed-at-the-end",
        "Coach Ana Ruiz spoke after the game.\n\n“I think we can do it. We have the players.\n\n"
        "“We have the fans too,” she said.",
        (
            E("Ana Ruiz", "Coach", "", "I think we can do it. We have the players", "direct"),
            E("Ana Ruiz", "Coach", "said", "We have the fans too", "direct"),
        ),
    ),
    Case(
        "british-single-quotes",
        "‘We will win this,’ the captain said. ‘We don’t fear anyone.’",
        (E("captain", "", "said", "We will win this,’ the captain said. ‘We don’t fear anyone", "direct"),),
    ),
    Case(
        "photo-captions-with-credits-are-skipped",
        "(Photo: Firefighters at the scene on Monday. AP Photo/Mark Lane)\n\n"
        "A ferry at the port of Dover. REUTERS/Anna Gray\n\n"
        "The company said the ferry would sail again on Friday.",
        (E("company", "", "said", "the ferry would sail again on Friday", "indirect"),),
    ),
    Case(
        "name-particle-and-pronoun-after-another-speaker",
        "“We acted fast,” Chief Executive Anna van Dijk said.\n\n"
        "“It will cost them,” said Tom Berg, an analyst at Nordbank.\n\n"
        "Asked about the cost, van Dijk told reporters on a call: “We can absorb it.”\n\n"
        "She added that refunds would start on Monday.",
        (
            E("Anna van Dijk", "Chief Executive", "said", "We acted fast", "direct"),
            E("Tom Berg", "an analyst at Nordbank", "said", "It will cost them", "direct"),
            E("Anna van Dijk", "Chief Executive", "told", "We can absorb it", "direct"),
            E("Anna van Dijk", "Chief Executive", "added", "refunds would start on Monday", "indirect"),
        ),
    ),
    Case(
        "abbreviated-title-before-the-name-after-a-quotation",
        "“The money is gone,” Assistant U.S. Attorney Mark Cole told reporters outside the court.",
        (E("Mark Cole", "Assistant U.S. Attorney", "told", "The money is gone", "direct"),),
    ),
    Case(
        "relative-clause-speaker",
        "The ban follows a warning from France's food safety agency, which said the oil was unsafe.",
        (E("France's food safety agency", "", "said", "the oil was unsafe", "indirect"),),
    ),
    Case(
        "characterisation-after-an-appeal",
        "The teachers' union called on the province to reopen talks, calling the offer “an insult.”",
        (E("teachers' union", "", "calling", "the offer “an insult.”", "mixed"),),
    ),
    Case("a-name-given-is-not-a-characterisation", "A man called John Hale was arrested on Friday.", ()),
    Case(
        "company-named-after-its-kind",
        "Danish shipping company Nordline cancelled 40 sailings on Monday.\n\n"
        "The company said the storm had damaged two vessels.",
        (E("Nordline", "", "said", "the storm had damaged two vessels", "indirect"),),
    ),
    Case(
        "told-a-gathering-before-that",
        "Energy Minister Kari Lund told an industry conference in Bergen that the tender would go ahead.",
        (E("Kari Lund", "Energy Minister", "told", "the tender would go ahead", "indirect"),),
    ),
    Case(
        "description-before-a-name",
        "Retired nurse Helen Ward said she had waited six hours.",
        (E("Helen Ward", "Retired nurse", "said", "she had waited six hours", "indirect"),),
    ),
    Case(
        "dateline-is-not-content-and-a-description-stays",
        "Flood agency: river levels are falling\n\n"
        "LIMA, Peru (AP) — River levels fell on Sunday, the country’s flood agency said.",
        (
            E("Flood agency", "", ":", "river levels are falling", "indirect"),
            E("country’s flood agency", "", "said", "River levels fell on Sunday", "indirect"),
        ),
    ),
    Case(
        "participle-after-an-adjective-is-a-noun",
        "Before the official warning, residents had left.",
        (),
    ),
    Case(
        "question-put-to-the-speaker-is-not-a-claim",
        "Asked whether he would resign, Carl Obi said on Tuesday.",
        (),
    ),
    Case(
        "quotation-less-content-first-with-a-time-phrase-after",
        "Port strikes cost the economy 80 million pounds a day, an industry body said last week.",
        (
            E(
                "industry body",
                "",
                "said",
                "Port strikes cost the economy 80 million pounds a day",
                "indirect",
            ),
        ),
    ),
    Case(
        "characterisation-described-as",
        "Mayor Tom Reed described the flooding as “the worst in a century.”\n\n"
        "The witness described the scene.",
        (E("Tom Reed", "Mayor", "described", "the flooding as “the worst in a century.”", "mixed"),),
    ),
    Case(
        "a-person-and-where-she-works-before-the-cue",
        "“The effect is large,” lead author Dr. Ana Silva of the national cancer institute Inca "
        "told Reuters.",
        (E("Ana Silva", "lead author", "told", "The effect is large", "direct"),),
    ),
    Case(
        "person-familiar-with-the-matter",
        "A person familiar with the talks, who asked not to be named because the talks were private, "
        "said the bid would be raised.",
        (E("person familiar with the talks", "", "said", "the bid would be raised", "indirect"),),
    ),
    Case(
        "the-organisation-by-its-head-noun",
        "The European Commission fined the bank on Monday.\n\n"
        "The Commission said the bank had misled savers.",
        (E("European Commission", "", "said", "the bank had misled savers", "indirect"),),
    ),
    Case(
        "an-attribution-at-the-end-holds-the-one-inside",
        "The study found the drug cut deaths by a third, the authors wrote in The Lancet.",
        (E("authors", "", "wrote", "The study found the drug cut deaths by a third", "indirect"),),
    ),
    Case(
        "titles-listed-after-related-coverage-are-links",
        "Related coverage:\nCanada says tariffs will stay\n\nOfficials said the border would reopen.",
        (E("Officials", "", "said", "the border would reopen", "indirect"),),
    ),
    Case(
        "according-to-a-study-published-on-a-day",
        "Walking cuts the risk by 20%, according to a study of 9,000 adults published on Monday.",
        (E("study of 9,000 adults", "", "according to", "Walking cuts the risk by 20%", "indirect"),),
    ),
    Case("could-tell-users-is-no-report", "The rules restrict how apps could tell users about offers.", ()),
    Case(
        "attribution-at-the-end-then-the-narrator-goes-on",
        "KYIV, Aug 2 (Reuters) - Drones struck the port of Izmail overnight, officials said on Wednesday, "
        "in a new blow to grain exports.",
        (E("officials", "", "said", "Drones struck the port of Izmail overnight", "indirect"),),
    ),
    Case(
        "said-about-a-number",
        "The minister said about 40,000 tonnes of grain had been damaged.",
        (E("minister", "", "said", "about 40,000 tonnes of grain had been damaged", "indirect"),),
    ),
    Case(
        "spokesperson-for-a-named-official-is-not-the-official",
        "The case is under review, a spokesperson for Attorney General Dave Yost confirmed.",
        (
            E(
                "spokesperson for Attorney General Dave Yost",
                "",
                "confirmed",
                "The case is under review",
                "indirect",
            ),
        ),
    ),
    Case(
        "relative-named-in-apposition-then-a-pronoun",
        "Police Chief Brian Hart said the man had fired first.\n\n"
        "His sister, Tamika Cole, disputed that account. She told a local newspaper that he was unarmed.",
        (
            E("Brian Hart", "Police Chief", "said", "the man had fired first", "indirect"),
            E("Tamika Cole", "His sister", "told", "he was unarmed", "indirect"),
        ),
    ),
    Case(
        "a-surname-is-not-the-company",
        "Software maker Nordsoft said it would cut 300 jobs.\n\n"
        "“We grew too fast,” CEO Maya Lind wrote. “We have to be honest about that,” Lind added.\n\n"
        "Staff will receive 16 weeks of pay, the company said.",
        (
            E("Nordsoft", "Software maker", "said", "it would cut 300 jobs", "indirect"),
            E("Maya Lind", "CEO", "wrote", "We grew too fast", "direct"),
            E("Maya Lind", "CEO", "added", "We have to be honest about that", "direct"),
            E("Nordsoft", "Software maker", "said", "Staff will receive 16 weeks of pay", "indirect"),
        ),
    ),
    Case(
        "name-with-on-and-a-day-after-it",
        "The Commission on Human Rights on Tuesday said police had used excessive force.",
        (E("Commission on Human Rights", "", "said", "police had used excessive force", "indirect"),),
    ),
    Case(
        "the-narrator-dates-the-statement",
        "President Ana Lopez said she would veto the bill, a day after protesters stormed parliament.",
        (E("Ana Lopez", "President", "said", "she would veto the bill", "indirect"),),
    ),
    Case("citing-a-reason-is-not-a-source", "The bank raised its forecast, citing stronger exports.", ()),
    Case(
        "citing-sources-is-a-source",
        "The deal is close, the newspaper reported, citing sources.",
        (E("newspaper", "", "reported", "The deal is close", "indirect"),),
    ),
    Case(
        "description-then-name-in-commas-before-said",
        "The city's health commissioner, Dr. Ana Ruiz, said people with asthma faced the greatest risk.",
        (
            E(
                "Ana Ruiz",
                "city's health commissioner",
                "said",
                "people with asthma faced the greatest risk",
                "indirect",
            ),
        ),
    ),
    Case(
        "abbreviated-title-then-a-second-verb",
        "Gov. Kathy Brown urged residents to stay indoors and said masks would be handed out.",
        (E("Kathy Brown", "Gov.", "said", "masks would be handed out", "indirect"),),
    ),
    Case(
        "told-a-briefing-after-a-quotation",
        "“The rules are unfair,” ministry spokesperson Li Wen told a regular news briefing in Beijing.",
        (E("Li Wen", "ministry spokesperson", "told", "The rules are unfair", "direct"),),
    ),
    Case(
        "a-country-with-the-article-is-no-person",
        "Officials said talks would resume.\n\n"
        "The Netherlands announced on Thursday that it would tighten its rules.",
        (
            E("Officials", "", "said", "talks would resume", "indirect"),
            E("Netherlands", "", "announced", "it would tighten its rules", "indirect"),
        ),
    ),
    Case(
        "participle-before-a-clause-with-a-quotation",
        "The captain defended the opener, insisting the veteran “has earned the right” to choose.",
        (E("captain", "", "insisting", "the veteran “has earned the right” to choose", "mixed"),),
    ),
    Case(
        "himself-and-a-pronoun-for-the-surname",
        "The coach defended opener Dan Ward's place in the side.\n\n"
        "Ward himself said he felt fine. “I'm not going anywhere,” he joked.",
        (
            E("Dan Ward", "", "said", "he felt fine", "indirect"),
            E("Dan Ward", "", "joked", "I'm not going anywhere", "direct"),
        ),
    ),
    Case(
        "their-union-is-named-next",
        "WELLINGTON, New Zealand (AP) — Nurses walked off the job on Tuesday, their union said.\n\n"
        "The Nurses Organisation said hospitals were understaffed.",
        (
            E("Nurses Organisation", "", "said", "Nurses walked off the job on Tuesday", "indirect"),
            E("Nurses Organisation", "", "said", "hospitals were understaffed", "indirect"),
        ),
    ),
    Case(
        "the-narrator-goes-on-after-a-time-aside",
        "Britain awarded record contracts, the government said on Tuesday, a year after a round failed.",
        (E("government", "", "said", "Britain awarded record contracts", "indirect"),),
    ),
    Case(
        "a-place-name-with-do-and-the-narrator-goes-on-with-as",
        "The toll rose to 143, civil defense authorities in Rio Grande do Sul state said, as rain returned.",
        (
            E(
                "civil defense authorities in Rio Grande do Sul state",
                "",
                "said",
                "The toll rose to 143",
                "indirect",
            ),
        ),
    ),
    Case(
        "a-complaint-inside-the-narration",
        "The cap was raised after developers complained that costs had soared.",
        (E("developers", "", "complained", "costs had soared", "indirect"),),
    ),
    Case(
        "speaking-on-condition-of-anonymity-ends-the-content",
        "Two people familiar with the talks said the sides were still apart, speaking on condition of "
        "anonymity because the talks were confidential.",
        (E("Two people familiar with the talks", "", "said", "the sides were still apart", "indirect"),),
    ),
    Case(
        "wrote-on-x-formerly-known-as-twitter",
        "Party spokesman Tom Banda wrote on X, formerly known as Twitter, that the party would appeal.",
        (E("Tom Banda", "Party spokesman", "wrote", "the party would appeal", "indirect"),),
    ),
    Case(
        "according-to-a-statement-from-an-organisation",
        "According to a statement from the Interior Ministry, 12 people were arrested.",
        (E("Interior Ministry", "", "According to", "12 people were arrested", "indirect"),),
    ),
    Case(
        "according-to-data-of-a-named-organisation",
        "Unemployment fell to 4%, according to Labour Ministry data.\n\n"
        "According to court records, the firm owed 2 million dollars.",
        (
            E("Labour Ministry", "", "according to", "Unemployment fell to 4%", "indirect"),
            E("court records", "", "According to", "the firm owed 2 million dollars", "indirect"),
        ),
    ),
    Case(
        "according-to-a-description-then-its-name",
        "The storm made landfall late Friday, according to the state weather bureau, Pagasa.",
        (
            E(
                "Pagasa",
                "state weather bureau",
                "according to",
                "The storm made landfall late Friday",
                "indirect",
            ),
        ),
    ),
    Case(
        "an-occupation-before-a-name",
        "Forecaster Liza Mora warned that heavy rain would continue.",
        (E("Liza Mora", "Forecaster", "warned", "heavy rain would continue", "indirect"),),
    ),
    Case(
        "according-to-an-agency-with-an-abbreviation-in-its-name",
        "Chile holds the largest reserves, according to the U.S. Geological Survey.",
        (E("U.S. Geological Survey", "", "according to", "Chile holds the largest reserves", "indirect"),),
    ),
    Case(
        "a-group-named-by-its-members-title",
        "School nutrition directors welcomed the change but cautioned that kitchens would need more staff.",
        (E("School nutrition directors", "", "cautioned", "kitchens would need more staff", "indirect"),),
    ),
    Case("question-is-not-a-claim", "“Is this the end?” she asked.", ()),
    Case("appeal-is-not-a-claim", "The mayor urged residents to stay indoors.", ()),
    Case("negated-is-not-a-claim", "Officials did not say how many people were injured.", ()),
    Case("declined-is-not-a-claim", "The White House declined to comment.", ()),
    Case("act-is-not-a-claim", "The ministry announced the recall of 2,000 vehicles.", ()),
    Case("noun-report-is-not-a-cue", "The report was published on Tuesday.", ()),
    Case(
        "furniture-skipped",
        "Read more\n\nBy Jane Smith\n\nAdvertisement\n\nOfficials said the road would reopen.",
        (E("Officials", "", "said", "the road would reopen", "indirect"),),
    ),
    Case(
        "a-genre-label-before-a-colon-is-no-speaker",
        "Report: Harbour traffic falls for a third year\n\n"
        "Port director Omar Haddad said fewer ships had called since the spring.",
        (E("Omar Haddad", "Port director", "said", "fewer ships had called since the spring", "indirect"),),
    ),
    Case(
        "a-two-word-genre-label-before-a-colon-is-no-speaker",
        "Fact check: Posts about the new toll misread the law\n\nThe Latest: Ferry service resumes on the coast",
        (),
    ),
    Case(
        "a-speaker-before-a-colon-in-a-headline-still-counts",
        "Transport Ministry: Night trains return in May",
        (E("Transport Ministry", "", ":", "Night trains return in May", "indirect"),),
    ),
    Case(
        "an-appositive-holding-a-town-and-its-state",
        "Jane Doe, the mayor of Springfield, Illinois, said the bridge would reopen in June.",
        (
            E(
                "Jane Doe",
                "mayor of Springfield, Illinois",
                "said",
                "the bridge would reopen in June",
                "indirect",
            ),
        ),
    ),
    Case(
        "an-appositive-holding-a-town-and-an-abbreviated-state",
        "Carl Weber, police chief of Dayton, Ohio, told reporters two men had been detained.",
        (E("Carl Weber", "police chief of Dayton, Ohio", "told", "two men had been detained", "indirect"),),
    ),
    Case(
        "a-description-ending-with-a-town-and-its-state",
        "The sheriff of Tulsa County, Oklahoma, said the search would resume at dawn.",
        (E("sheriff of Tulsa County", "", "said", "the search would resume at dawn", "indirect"),),
    ),
    Case(
        "an-inverted-subject-with-a-town-and-its-state",
        "“We will rebuild,” said Jane Doe, the mayor of Springfield, Ill., on Monday.",
        (E("Jane Doe", "mayor of Springfield, Ill.", "said", "We will rebuild", "direct"),),
    ),
    Case(
        "an-age-before-the-appositive",
        "Peter Jones, 54, a farmer from Kent, said the rains had ruined his crop.",
        (E("Peter Jones", "a farmer from Kent", "said", "the rains had ruined his crop", "indirect"),),
    ),
    Case(
        "an-age-before-the-appositive-of-an-inverted-subject",
        "“The rains ruined everything,” said Peter Jones, 54, a farmer from Kent.",
        (E("Peter Jones", "a farmer from Kent", "said", "The rains ruined everything", "direct"),),
    ),
    Case(
        "a-quotation-then-a-subject-with-its-appositive-told",
        "“It is over,” Jane Doe, the city’s mayor, told reporters.",
        (E("Jane Doe", "city’s mayor", "told", "It is over", "direct"),),
    ),
    Case(
        "a-capitalised-title-then-the-name-in-apposition",
        "The Secretary of State, Karen Bass, said the talks had stalled.",
        (E("Karen Bass", "Secretary of State", "said", "the talks had stalled", "indirect"),),
    ),
    Case(
        "an-inverted-capitalised-title-then-the-name-in-apposition",
        "“The talks have stalled,” said the Secretary of State, Karen Bass, on Monday.",
        (E("Karen Bass", "Secretary of State", "said", "The talks have stalled", "direct"),),
    ),
    Case(
        "the-bank-stands-for-the-bank-named-at-the-start-of-a-sentence",
        "Shares of Northwind Bank fell 5% on Tuesday.\n\n"
        "The bank said in a statement that its capital position remained strong.",
        (E("Northwind Bank", "", "said", "its capital position remained strong", "indirect"),),
    ),
    Case(
        "the-regulator-stands-for-the-long-agency-name-before",
        "The Securities and Exchange Commission fined the broker $2 million.\n\n"
        "The regulator said the firm had misled its clients for years.",
        (
            E(
                "Securities and Exchange Commission",
                "",
                "said",
                "the firm had misled its clients for years",
                "indirect",
            ),
        ),
    ),
    Case(
        "the-company-stands-for-a-name-described-as-a-maker",
        "Halvard Solar, a panel maker based in Oslo, said on Monday that it would cut 200 jobs.\n\n"
        "The company also said it expected revenue to fall.",
        (
            E("Halvard Solar", "a panel maker based in Oslo", "said", "it would cut 200 jobs", "indirect"),
            E(
                "Halvard Solar",
                "a panel maker based in Oslo",
                "said",
                "it expected revenue to fall",
                "indirect",
            ),
        ),
    ),
    Case(
        "the-agency-stands-for-a-name-opening-with-an-abbreviation",
        "The U.S. Bureau of Land Management closed the trail on Friday.\n\n"
        "The agency said the closure would last until the fire was contained.",
        (
            E(
                "U.S. Bureau of Land Management",
                "",
                "said",
                "the closure would last until the fire was contained",
                "indirect",
            ),
        ),
    ),
    Case(
        "a-hometown-and-its-state-in-apposition",
        "Rosa Klein, 38, of Tacoma, Washington, said she had waited six hours for a bus.",
        (E("Rosa Klein", "", "said", "she had waited six hours for a bus", "indirect"),),
    ),
    Case(
        "a-participle-appositive-with-a-town-and-its-state",
        "The bakery chain, based in Austin, Texas, said it would hire 500 workers.",
        (E("bakery chain", "", "said", "it would hire 500 workers", "indirect"),),
    ),
    Case(
        "a-one-word-name-with-an-appositive-is-a-person-for-he",
        "Okafor, a retired judge, said the ruling was flawed. “It ignores the facts,” he said.",
        (
            E("Okafor", "a retired judge", "said", "the ruling was flawed", "indirect"),
            E("Okafor", "a retired judge", "said", "It ignores the facts", "direct"),
        ),
    ),
    Case(
        "the-one-warned-before-that-is-not-content",
        "Union leader Paul Hart warned ministers that strikes would spread to the railways.",
        (E("Paul Hart", "Union leader", "warned", "strikes would spread to the railways", "indirect"),),
    ),
    Case(
        "a-relative-that-inside-the-content-of-warned",
        "The regulator warned that the plan that was approved last year would fail.",
        (E("regulator", "", "warned", "the plan that was approved last year would fail", "indirect"),),
    ),
    Case(
        "the-narrator-sums-up-the-figure-after-the-attribution",
        "Unemployment fell to 3.2% in May, the labour office said on Friday, the lowest level since 2008.",
        (E("labour office", "", "said", "Unemployment fell to 3.2% in May", "indirect"),),
    ),
    Case(
        "the-narrator-compares-the-figure-after-the-attribution",
        "Rice exports rose 12% in June, the trade ministry said, up from 9% a year earlier.",
        (E("trade ministry", "", "said", "Rice exports rose 12% in June", "indirect"),),
    ),
    Case(
        "a-label-and-a-separator-before-a-speaker-headline",
        "WATCH | Transport minister: Night buses return in May",
        (E("Transport minister", "", ":", "Night buses return in May", "indirect"),),
    ),
    Case(
        "a-company-name-ending-with-an-abbreviation-before-said",
        "Halden Foods Inc. said its sales fell 6% in the quarter.",
        (E("Halden Foods Inc", "", "said", "its sales fell 6% in the quarter", "indirect"),),
    ),
    Case(
        "the-planemaker-stands-for-the-company-named-before",
        "Skyward Aero Co. said it would cut 800 jobs. The planemaker said the cuts would include managers.",
        (
            E("Skyward Aero Co", "", "said", "it would cut 800 jobs", "indirect"),
            E("Skyward Aero Co", "", "said", "the cuts would include managers", "indirect"),
        ),
    ),
)
