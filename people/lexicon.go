package people

import (
	"strings"
	"sync"
)

// titleClasses maps a title (lower case, possibly several words) to its
// class. Titles of one class are the same office for role matching.
var titleClasses = map[string]string{
	"president": "president", "head of state": "president", "president-elect": "president",
	"vice president": "vice-president", "vice-president": "vice-president",
	"prime minister": "prime-minister", "premier": "prime-minister", "head of government": "prime-minister",
	"chancellor": "chancellor",
	"leader":     "leader",
	"minister":   "minister", "secretary": "secretary", "undersecretary": "secretary", "under-secretary": "secretary", "secretary of state": "secretary", "secretary-general": "secretary-general", "secretary general": "secretary-general",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"senator": "senator", "sen": "senator", "sen.": "senator",
	"representative": "representative", "rep": "representative", "congressman": "representative", "congresswoman": "representative",
	"governor": "governor", "gov": "governor", "mayor": "mayor",
	"king": "monarch", "queen": "monarch", "emperor": "monarch", "sultan": "monarch", "emir": "monarch",
	"prince": "prince", "princess": "prince", "crown prince": "prince",
	"pope": "pope", "archbishop": "bishop", "bishop": "bishop", "cardinal": "cardinal",
	"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
	"chief executive": "chief-executive", "chief executive officer": "chief-executive", "ceo": "chief-executive",
	"chief financial officer": "cfo", "cfo": "cfo", "chief operating officer": "coo", "coo": "coo",
	"director": "director", "managing director": "director", "director general": "director", "director-general": "director",
	"manager": "manager", "general manager": "manager",
	"analyst": "analyst", "economist": "economist", "strategist": "analyst", "trader": "trader",
	"coach": "coach", "head coach": "coach", "captain": "captain", "skipper": "captain",
	"general": "general", "gen": "general", "gen.": "general", "colonel": "colonel", "lieutenant": "lieutenant", "admiral": "admiral", "commander": "commander", "sergeant": "sergeant",
	"judge": "judge", "justice": "judge", "chief justice": "judge", "magistrate": "judge",
	"speaker": "speaker", "majority leader": "majority-leader", "minority leader": "minority-leader",
	"ambassador": "ambassador", "envoy": "ambassador", "diplomat": "diplomat",
	"commissioner": "commissioner", "attorney general": "attorney-general", "prosecutor": "prosecutor", "district attorney": "prosecutor",
	"lawyer": "lawyer", "attorney": "lawyer",
	"founder": "founder", "owner": "owner", "partner": "partner", "official": "official", "officer": "officer",
	"professor": "professor", "prof": "professor", "prof.": "professor", "researcher": "researcher", "scientist": "scientist",
	"head": "head", "chief": "head",
	"candidate": "candidate", "nominee": "candidate",
	"designer": "designer", "drummer": "musician", "singer": "musician", "guitarist": "musician", "musician": "musician",
	"actor": "actor", "actress": "actor", "director of": "director",
	"treasurer": "treasurer", "auditor": "auditor", "president and chief executive": "chief-executive",
	"sheriff": "sheriff", "chief of staff": "chief-of-staff", "deputy": "deputy",
	"mp": "legislator", "mep": "legislator", "lawmaker": "legislator", "legislator": "legislator", "councillor": "legislator", "councilor": "legislator", "councilman": "legislator", "councilwoman": "legislator",
	"artist": "artist", "writer": "writer", "author": "writer", "novelist": "writer", "poet": "writer", "columnist": "writer",
	"editor": "editor", "journalist": "journalist", "reporter": "journalist", "correspondent": "journalist", "photographer": "journalist",
	"broadcaster": "broadcaster", "host": "host", "presenter": "host", "anchor": "host", "comedian": "entertainer", "filmmaker": "filmmaker", "producer": "producer",
	"physicist": "scientist", "astrophysicist": "scientist", "astronomer": "scientist", "mathematician": "scientist", "biologist": "scientist", "chemist": "scientist",
	"meteorologist": "scientist", "immunologist": "scientist", "epidemiologist": "scientist", "virologist": "scientist", "geologist": "scientist", "historian": "historian",
	"student": "student", "resident": "resident", "witness": "witness", "eyewitness": "witness", "victim": "victim", "survivor": "survivor",
	"member": "member", "activist": "activist", "campaigner": "activist", "businessman": "businessperson", "businesswoman": "businessperson", "entrepreneur": "businessperson",
	"investor": "investor", "doctor": "doctor", "nurse": "nurse", "surgeon": "doctor", "physician": "doctor", "engineer": "engineer", "pilot": "pilot",
	"farmer": "farmer", "teacher": "teacher", "worker": "worker", "employee": "employee", "agent": "agent", "detective": "detective", "inspector": "inspector",
	"counselor": "adviser", "counsellor": "adviser", "consultant": "adviser", "adviser": "adviser", "advisor": "adviser", "aide": "adviser",
	"expert": "expert", "specialist": "expert", "player": "player", "striker": "player", "goalkeeper": "player", "defender": "player", "midfielder": "player",
	"athlete": "athlete", "runner": "athlete", "driver": "driver", "rider": "athlete", "champion": "athlete", "chef": "chef", "priest": "cleric", "imam": "cleric",
	"rabbi": "cleric", "pastor": "cleric", "loyalist": "supporter", "supporter": "supporter", "critic": "critic", "opponent": "opponent", "politician": "politician",
	"organiser": "organiser", "organizer": "organiser", "volunteer": "volunteer", "paramedic": "paramedic", "firefighter": "firefighter", "soldier": "soldier",
	"executive": "executive", "vice-chairman": "chair", "psychologist": "scientist", "sociologist": "scientist",
	"wife": "relative", "husband": "relative", "son": "relative", "daughter": "relative", "mother": "relative", "father": "relative",
	"brother": "relative", "sister": "relative", "widow": "relative", "widower": "relative", "grandson": "relative", "granddaughter": "relative",
	"uncle": "relative", "aunt": "relative", "cousin": "relative", "nephew": "relative", "niece": "relative", "partner of": "relative",
	"girlfriend": "relative", "boyfriend": "relative", "fiancé": "relative", "fiancée": "relative", "friend": "friend", "neighbour": "neighbour", "neighbor": "neighbour",
	"attendee": "attendee", "voter": "voter", "co-author": "writer", "coauthor": "writer", "protester": "activist", "protestor": "activist", "fan": "fan",
	"negotiator": "negotiator", "mediator": "negotiator", "delegate": "delegate", "representative of": "representative", "dealer": "trader", "broker": "trader",
}

// titleFirstWords holds the first word of every title, so that most words
// are rejected as title starts with one lookup.
var titleFirstWords = firstWords(titleClasses)

func firstWords(titles map[string]string) map[string]bool {
	out := make(map[string]bool, len(titles))
	for t := range titles {
		out[strings.Fields(t)[0]] = true
	}
	return out
}

// leaderClasses are the offices "leader" (and "head of state") may refer to.
var leaderClasses = map[string]bool{"president": true, "prime-minister": true, "chancellor": true, "monarch": true, "leader": true}

// titleQualifiers may stand before a title: "foreign minister", "deputy
// prime minister", "former president".
var titleQualifiers = map[string]bool{
	"foreign": true, "finance": true, "defence": true, "defense": true, "interior": true, "economy": true, "economic": true,
	"trade": true, "health": true, "education": true, "energy": true, "agriculture": true, "agricultural": true, "justice": true,
	"deputy": true, "vice": true, "acting": true, "former": true, "then": true, "senior": true, "junior": true,
	"state": true, "treasury": true, "oil": true, "labor": true, "labour": true, "transport": true, "environment": true,
	"culture": true, "sports": true, "first": true, "assistant": true, "associate": true, "managing": true, "executive": true,
	"opposition": true, "team": true, "party": true, "club": true, "company": true, "group": true, "union": true, "federal": true,
	"chief": true, "prime": true, "foreign affairs": true, "home": true, "industry": true, "commerce": true, "development": true,
	"information": true, "communications": true, "public": true, "police": true, "army": true, "military": true, "fashion": true,
	"bank": true, "central": true, "regional": true, "local": true, "new": true, "outgoing": true, "incoming": true, "interim": true,
	"current": true, "late": true, "elected": true, "national": true, "general": true, "head": true, "lead": true, "top": true,
	"petroleum": true, "mining": true, "tourism": true, "science": true, "technology": true, "fisheries": true, "planning": true,
	"housing": true, "security": true, "immigration": true, "environmental": true, "presidential": true, "press": true,
	"campaign": true, "research": true, "investment": true, "marketing": true, "sales": true, "operations": true, "financial": true,
	"communication": true, "legal": true, "medical": true, "technical": true, "corporate": true, "district": true, "county": true,
	"city": true, "majority": true, "minority": true, "senate": true, "house": true, "ruling": true,
}

// abbreviatedTitles are titles written only as an abbreviation with its
// full stop and a capital ("Del. Ana Ruiz"): the bare word is another
// word ("Punta del Este").
var abbreviatedTitles = map[string]string{"del": "delegate"}

// honorifics before a name, with the gender they imply ("" for none).
var honorifics = map[string]string{
	"mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
	"dr": "", "dr.": "", "sir": "male", "dame": "female", "lord": "male", "lady": "female", "mx": "",
	"rev": "", "rev.": "", "fr": "male", "sr": "female",
}

// speechVerbBases are the verbs that report speech; their inflections are
// built by init.
var speechVerbBases = []string{
	"say", "tell", "add", "note", "stress", "state", "explain", "insist", "argue", "warn", "declare",
	"reply", "respond", "write", "ask", "recall", "conclude", "comment", "emphasize", "emphasise",
	"observe", "remark", "announce", "acknowledge", "admit", "concede", "confirm", "claim", "urge",
	"continue", "tweet", "predict", "suggest", "quip", "joke", "exclaim", "assert", "maintain", "contend",
	"caution", "complain", "boast", "lament", "recount", "reiterate", "affirm", "underline", "point",
}

var irregularSpeech = map[string]string{"said": "say", "told": "tell", "wrote": "write", "written": "write", "says": "say", "tells": "tell"}

// speechVerbs maps every inflection of a speech verb to its base.
var speechVerbs = inflectSpeechVerbs()

// inflectSpeechVerbs builds the inflections of speechVerbBases, and drops
// the forms that are more often nouns or other verbs.
func inflectSpeechVerbs() map[string]string {
	v := inflect(speechVerbBases)
	v["quipped"] = "quip"
	v["quipping"] = "quip"
	v["saying"] = "say"
	v["telling"] = "tell"
	v["writing"] = "write"
	for k, base := range irregularSpeech {
		v[k] = base
	}
	delete(v, "point") // only as "pointed out"
	delete(v, "points")
	delete(v, "pointing")
	delete(v, "continuing")
	delete(v, "continue")
	delete(v, "continues")
	delete(v, "state") // the noun is far more common; "stated" stays
	delete(v, "states")
	delete(v, "stating")
	delete(v, "claim")
	delete(v, "claims")
	delete(v, "comment")
	delete(v, "comments")
	delete(v, "maintain")
	delete(v, "note")
	delete(v, "notes")
	delete(v, "point")
	delete(v, "ask")
	delete(v, "asks")
	delete(v, "asking")
	delete(v, "written")
	delete(v, "urge")
	delete(v, "warning")
	delete(v, "warn")
	return v
}

// pronounGender maps third-person personal pronouns to a gender.
var pronounGender = map[string]string{
	"he": "male", "him": "male", "his": "male", "himself": "male",
	"she": "female", "her": "female", "hers": "female", "herself": "female",
}

// The capitalised words that do not belong to a person's name, by what
// they are. nonNameWords is all of them.
const (
	// openerWords open sentences or stand in titles of things.
	openerWords = `The A An In On At By For From To Of With Without And But Or Nor If It Its He She They We I You This That These Those His Her Their Our My Your
After Before When While As According Speaking Meanwhile However Also Some Many Most Several Earlier Later Today Yesterday Tomorrow Tonight
Both Previously Currently Instead Still Yet Thus Then Now Here There Because Although Though Since Until Unless Whether Despite During Including
Under Over Following Last Next Every Each All No Not Only Even Just Another Other Such What Which Who Whom Whose Why How Where Late Early Once Twice
Further Furthermore Moreover Additionally Overall Finally Initially Eventually Recently Similarly Likewise Nevertheless Nonetheless Otherwise Therefore`
	// calendarWords are days, months, holidays and units of time.
	calendarWords = `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun Christmas Easter Ramadan Eid Thanksgiving Year Years Week Month`
	// orgHeadWords end (or make up) the names of organisations: a name that
	// holds one is an organisation's.
	orgHeadWords = `Ministry Department Party Company Corp Corporation Inc Co Ltd Plc LLC Bank University College Council Committee Commission Association Union Group Agency Institute
Court Congress Senate House Parliament Government Army Navy Police Exchange Securities Times News Post Journal Herald Tribune Gazette Airlines Airways Motors International
Reserve Board Fund Trust Holdings Foundation Center Centre Club Team School Hospital Service Services Systems Technologies Energy Oil Petroleum
Industries Communications Entertainment Organization Organisation Office Market Markets Program Programme Project Research Associates Consultants Consulting Advisers Advisors Brokers Brokerage Economics Analytics Solutions Ventures Enterprises
Labs Laboratories Pharmaceuticals Insurance Assurance Trading Equity Equities Asset Assets Software Foods Stores Mills Mining Minerals
Metals Steel Aluminium Aluminum Chemicals Gas Electric Telecom Telecommunications Bancorp Bancshares Airline Motor Realty Properties Estates
Management Resources Capital Partners Financial Investments Brothers Network Media Press Radio Television TV Channel Productions Records Studios Rail Railway Railways
Nations Forces Show Church Cathedral Museum League Festival Award Awards Cup Championship Championships Games Olympics Treaty Agreement Act
Society Institution Alliance Coalition Federation`
	// orgNameWords are organisations known by one word.
	orgNameWords = `God Christ Allah Internet Web Wikipedia Wikinews Twitter Facebook Google Microsoft Apple Reuters BelTA AP AFP Xinhua Tass TASS Interfax
COVID Covid Coronavirus SARS HIV AIDS UN EU NATO OPEC NASA FBI CIA GOP`
	// placeHeadWords end the names of places.
	placeHeadWords = `Stadium Airport Street Road Avenue River Island Islands City County State States Province Republic Kingdom Mountain Mountains Lake Bay Square
Valley Coast Beach Tower Palace Station Port Harbour Harbor Bridge Park Hall`
	// titleWords are capitalised titles and honorifics.
	titleWords = `Jr Sr II III IV Mr Mrs Ms Dr Sir Dame Lord Lady Rev President Minister Prime Premier Chancellor Senator Sen Governor Gov Mayor King Queen Pope Prince Princess
General Gen Judge Justice Speaker Secretary Chairman Chairwoman Chief Director Professor Prof Ambassador Commissioner Representative Rep Captain Coach`
	// groupWords name parties, faiths, regions and peoples.
	groupWords = `Democrat Democrats Democratic Republican Republicans Conservative Conservatives Labour Liberal Liberals Socialist Socialists Communist Communists
North South East West Northern Southern Eastern Western Central New Old Great Greater Upper Lower Saint St San Santa Los Las Fort Mount Mt Cape Lake
Olympic World European Asian African Arab Latin Islamic Muslim Christian Jewish Catholic Protestant National Federal`
	// otherWords are the rest: numbers, plural nouns for groups of
	// people, the abbreviations of financial wire copy, departments,
	// countries' abbreviations.
	otherWords = `First Second Third Fourth Fifth One Two Three Four Five Six Seven Eight Nine Ten Hundred Thousand Million Billion
Analysts Officials Sources Experts Critics Residents Witnesses Investors Traders Dealers Economists Authorities Reports Researchers Scientists Doctors
Mln Bln Dlrs Pct Cts Shr Net Revs Qtr Avg Oper Vs Note Notes Profit Loss Sales Shares Stock Stocks Dividend Dividends Quarter
Police Fire Emergency Health Education Foreign Finance Defence Defense Interior Trade Justice Energy Agriculture Treasury Commerce Labor Transport Home
UK US USA UAE`
)

var (
	titles       = setOf(titleWords)
	nonNameWords = setOf(strings.Join([]string{openerWords, calendarWords, orgHeadWords, orgNameWords, placeHeadWords, titleWords, groupWords, otherWords}, " "))
	orgHeads     = setOf(orgHeadWords)
	orgNames     = setOf(orgNameWords)
	placeHeads   = setOf(placeHeadWords)
	calendar     = setOf(calendarWords)
	openers      = setOf(openerWords)
	// nameOpeners are the words of nonNameWords that may open the name of
	// an organisation or a place (National Bank, New York, Bank of
	// England).
	nameOpeners = setOf(strings.Join([]string{orgHeadWords, orgNameWords, placeHeadWords, groupWords}, " "))
)

// placePrefixes open the names of places whose next word may be a given
// name or a surname ("South Carolina", "New Jersey", "Las Vegas", "San
// Diego", "Fort Worth").
var placePrefixes = setOf("North South East West New Las Los San Santa Fort Mount Saint")

// placeAbbreviations are the abbreviated place prefixes, written with a
// full stop ("St. Paul", "Ft. Worth", "Mt. Vernon").
var placeAbbreviations = setOf("St Ft Mt")

// IsPlacePrefix reports whether a capitalised word opens a place's name
// whose next word is no one's name ("South Carolina").
func IsPlacePrefix(w string) bool { return placePrefixes[w] }

// timeWords are capitalised words of dates and sentence openers that never
// name the organisation or place a title belongs to.
var timeWords = setOf(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December On In At The A An But And Yesterday Today Tomorrow Last Next This That Earlier Later`)

// determiners may open a role phrase or stand before a description ("the
// minister", "his wife", "a teacher").
// generational are the suffixes that end a name: Jr, Sr, II, III, IV.
var generational = setOf("Jr Sr II III IV")

var determiners = setOf("the its their his her a an")

// definite reports whether a determiner points at someone known ("the
// minister", "his wife"), not someone new ("a minister").
func definite(det string) bool { return determiners[det] && det != "a" && det != "an" }

// particles are the lower-case words inside names (Mohammed bin Salman,
// Ursula von der Leyen).
var particles = setOf("bin bint ibn al el de da di du van von der den la le dos das del y ter ten ben abu")

// IsParticle reports whether a word of a name is a particle (de, van,
// bin, al, …), in either case: part of the surname, not a first name.
func IsParticle(w string) bool {
	if particles[w] {
		return true
	}
	p, _ := getLower(particles, w)
	return p
}

// setOf makes the set of the words of a list. Sized up front (a map grown
// word by word allocates and rehashes each table on the way, at start-up,
// for every set), and read in place (strings.FieldsSeq): no list of the
// words is made, whose pages a process that starts for one article pays
// for and throws away.
func setOf(words string) map[string]bool {
	n := 0
	for range strings.FieldsSeq(words) {
		n++
	}
	m := make(map[string]bool, n)
	for w := range strings.FieldsSeq(words) {
		m[w] = true
	}
	return m
}

// countryFilter is the prefilter of every word countryOf knows.
var countryFilter = sync.OnceValue(func() *prefilter {
	p := new(prefilter)
	for _, m := range []map[string]string{countryNames, countryDemonyms, countryStems()} {
		for w := range m {
			p.add(w)
		}
	}
	p.add("US")
	p.add("UK")
	return p
})

// countryOf returns the ISO code of a country name or demonym, also for
// shortened demonyms the data set lacks ("Kazakh" for Kazakhstan), or "".
// A name wins over a demonym, and either over a stem.
func countryOf(word string) string {
	w := strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s")
	if !countryFilter().mayHold(w) && strings.IndexByte(w, '.') < 0 {
		return "" // most capitalised words: no country's, and no "U.S."
	}
	if c := countryNames[w]; c != "" {
		return c
	}
	if c := countryDemonyms[w]; c != "" {
		return c
	}
	if c := countryStems()[w]; c != "" {
		return c
	}
	switch strings.ReplaceAll(w, ".", "") {
	case "US":
		return "USA" // US, U.S.
	case "UK":
		return "GBR"
	}
	return ""
}

// countryStems maps the shortened demonyms of five letters or more to
// their country: each a country's name or demonym less an ending -stan,
// -istan, -stani or -istani, and none that two countries' names would
// give. Built once, on first use, and small: the names and demonyms
// themselves are looked up in their own tables.
var countryStems = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	add := func(names map[string]string) {
		for name, code := range names {
			for _, end := range []string{"stan", "istan", "stani", "istani"} {
				stem, ok := strings.CutSuffix(name, end)
				if !ok || len(stem) < 5 {
					continue
				}
				if old, seen := m[stem]; seen && old != code {
					code = ""
				}
				m[stem] = code
			}
		}
	}
	add(countryNames)
	add(countryDemonyms)
	for w, c := range m {
		if c == "" {
			delete(m, w) // a stem of two countries names neither
		}
	}
	return m
})

// IsNonNameWord reports whether a capitalised word is known not to be part
// of a person's name: a sentence opener, a month or day, an organisation or
// place word, a title, a country or a demonym.
func IsNonNameWord(w string) bool { return nonName(w) || countryOf(w) != "" }

// IsDemonymPlural reports whether w is the plural of a country's demonym
// ("Indians", "Americans", "Germans"): a people, no one's name, and no
// slip of a place's name (Indiana).
func IsDemonymPlural(w string) bool {
	base, ok := strings.CutSuffix(w, "s")
	// A demonym, not a country's name: Chiles is a surname.
	return ok && base != "" && countryNames[base] == "" && countryOf(base) != ""
}

// nonNameFilter is the prefilter of nonNameWords.
var nonNameFilter = sync.OnceValue(func() *prefilter { return prefilterOf(nonNameWords) })

// nonName reports whether w is one of nonNameWords, most words turned
// away by the prefilter without a map probe.
func nonName(w string) bool { return nonNameFilter().mayHold(w) && nonNameWords[w] }
