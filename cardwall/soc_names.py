"""Other names of detailed SOC occupations across every industry: the titles on job boards and pay stubs.

cardwall/soc_lexicon.py holds the names a manufacturing wall uses; these are the common working titles of
the occupations that employ the most people (OEWS May 2025) and of the trades each kind of sector
partnership convenes (health care, IT, construction, logistics, hospitality, retail, finance, energy,
public sector), written from what employers post. One line per occupation: "code: name; name; ...".
"""

from __future__ import annotations

from pathlib import Path

_TEXT = """
11-1021: operations manager; general manager; plant operations manager; branch operations manager
11-1021: operations director; director of operations; site manager; business manager
11-2011: advertising manager; promotions manager
11-2021: marketing manager; brand manager; marketing director
11-2022: sales director; regional sales manager; vp of sales
11-2032: communications director; communications manager; pr manager
11-2033: development director; fundraising director
11-3012: administrative services manager; office services manager; facilities and office manager
11-3013: facilities manager; facility director; building manager
11-3021: it manager; it director; information technology manager; chief information officer; cio; it project manager
11-3031: finance director; treasurer; branch manager bank; cfo; chief financial officer
11-3051: production superintendent; operations manager manufacturing; plant superintendent
11-3071: fleet manager; dispatch manager
11-3111: benefits manager; compensation manager; total rewards manager
11-3131: training manager; learning and development manager
11-9013: farm manager; ranch manager
11-9021: project superintendent; general superintendent; construction project manager
11-9031: daycare director; childcare center director; preschool director
11-9032: assistant principal; school principal; superintendent of schools
11-9033: dean; provost; director of admissions
11-9041: engineering manager; director of engineering
11-9051: restaurant manager; kitchen manager; food service director; cafeteria manager
11-9072: recreation director; recreation manager
11-9081: hotel manager; general manager hotel; lodging manager
11-9111: nurse manager; nursing supervisor; director of nursing; clinic manager; practice manager
11-9141: property manager; apartment manager; community manager
11-9151: social services director; social services manager
13-1031: claims adjuster; insurance adjuster; claims examiner
13-1041: compliance officer; compliance specialist; compliance analyst
13-1051: estimator; cost estimator; construction estimator
13-1071: hr specialist; hr generalist; recruiting coordinator; talent acquisition specialist
13-1075: labor relations specialist; employee relations specialist
13-1081: supply chain coordinator; logistics specialist
13-1082: program coordinator; project engineer manager
13-1111: management analyst; business analyst; management consultant; process improvement analyst
13-1111: operations analyst; business consultant
13-1121: event planner; meeting planner; event coordinator
13-1131: development officer; fundraiser; grant writer
13-1141: benefits specialist; compensation analyst; benefits administrator
13-1161: marketing specialist; marketing coordinator; market research analyst; digital marketing specialist
13-2020: appraiser; real estate appraiser; assessor
13-2031: budget analyst
13-2041: credit analyst; credit underwriter
13-2051: financial analyst; investment analyst; fp&a analyst
13-2052: financial advisor; financial planner; wealth advisor
13-2053: underwriter; insurance underwriter
13-2054: risk analyst; risk specialist
13-2061: bank examiner; financial examiner
13-2072: loan officer; mortgage loan officer; mortgage banker
13-2081: revenue agent; tax examiner; tax collector
13-2082: tax preparer
15-1211: business systems analyst; it analyst; systems analyst
15-1212: information security analyst; cyber security analyst; soc analyst; security engineer
15-1231: network technician; network support specialist
15-1232: help desk technician; desktop technician; it technician; service desk analyst; it support specialist
15-1241: network engineer; network architect
15-1244: systems administrator; network administrator; systems engineer; cloud engineer; devops engineer
15-1251: programmer; coder; computer programmer
15-1252: software engineer; application developer; full stack developer; java developer; backend developer
15-1253: qa tester; software tester; test engineer; qa analyst; quality assurance analyst
15-1255: web designer; ux designer; ui designer
15-1299: site reliability engineer; it specialist; it generalist
15-2011: actuary; actuarial analyst
15-2041: statistician; biostatistician
15-2051: data scientist; machine learning engineer
17-1022: land surveyor; surveyor
17-2011: aerospace engineer; aeronautical engineer
17-2031: biomedical engineer
17-2041: chemical engineer
17-2051: civil engineer; structural engineer; project engineer
17-2061: hardware engineer
17-2072: electronics engineer; rf engineer
17-2111: safety engineer; fire protection engineer
17-2112: industrial engineer; reliability engineer
17-2141: product engineer; mechanical design engineer
17-3011: civil drafter; architectural drafter
17-3012: electrical drafter; electrical designer
17-3013: mechanical designer; autocad drafter; solidworks designer
17-3022: civil engineering technician; engineering technician
17-3023: electronics technician; test technician electronics; field engineer electronics
17-3024: maintenance technician automation; instrumentation technician; i&e technician
17-3027: mechanical technician; mechanical engineering technician; test technician
17-3028: calibration technician; metrology technician
17-3031: survey technician; rodman; gis technician
19-1022: microbiologist
19-1042: research scientist; clinical research scientist
19-2031: chemist; analytical chemist; qc chemist
19-2041: environmental specialist; environmental scientist
19-3033: psychologist; clinical psychologist; counseling psychologist
19-3034: school psychologist
19-3051: city planner; urban planner; regional planner
19-4021: biological technician; research technician; lab research assistant
19-4031: chemical lab technician; lab technician; chemistry technician
19-4042: environmental technician; environmental health technician
19-5012: safety technician
21-1012: school counselor; guidance counselor; career counselor; academic advisor
21-1013: marriage and family therapist; mft; family therapist
21-1015: rehabilitation counselor; vocational rehabilitation counselor; job coach
21-1018: mental health counselor; substance abuse counselor; behavioral health counselor
21-1018: addiction counselor; drug counselor
21-1021: caseworker; case worker; child welfare worker; social worker
21-1022: hospital social worker; medical social worker
21-1023: mental health social worker; clinical social worker; lcsw
21-1091: health educator; diabetes educator
21-1092: probation officer; parole officer
21-1093: case aide; social services assistant; community support worker; direct support professional
21-1094: community health worker; chw; peer navigator
21-2011: pastor; minister; priest; chaplain
23-1011: attorney; lawyer; counsel
23-2011: paralegal; legal assistant
23-2093: title examiner; abstractor
25-1072: nursing instructor; clinical instructor
25-1194: vocational instructor; technical college instructor; welding instructor
25-1199: professor; adjunct professor; college instructor; lecturer
25-2011: preschool teacher; pre k teacher; head start teacher
25-2012: kindergarten teacher
25-2021: teacher; elementary teacher; classroom teacher
25-2022: middle school teacher
25-2031: high school teacher
25-2032: cte teacher; career and technical education teacher; shop teacher
25-2052: special education teacher; special ed teacher; sped teacher; intervention specialist
25-3011: esl teacher; adult education teacher; ged instructor
25-3031: substitute teacher
25-3041: tutor
25-4022: librarian; media specialist
25-4031: library technician; library tech
25-9031: instructional coordinator; curriculum specialist; instructional coach
25-9045: teacher aide; teacher assistant; paraprofessional; paraeducator; instructional aide; classroom aide
25-9045: para educator; special education aide; instructional assistant; teacher's aide; classroom assistant
27-1024: graphic designer; graphic artist
27-1025: interior designer
27-1026: visual merchandiser; window dresser; display designer
27-2012: producer; video producer
27-2022: coach; athletic coach; head coach
27-3023: reporter; journalist
27-3031: communications specialist; public relations specialist; pr specialist
27-3041: editor; copy editor
27-3042: technical writer
27-3091: interpreter; translator; sign language interpreter
27-4011: av technician; audio visual technician; sound technician
27-4021: photographer
29-1031: dietitian; nutritionist; registered dietitian
29-1051: pharmacist; staff pharmacist
29-1071: physician assistant; pa c
29-1122: occupational therapist; ot
29-1126: respiratory therapist; rt; respiratory care practitioner
29-1127: speech therapist; speech language pathologist; slp
29-1141: staff nurse; er nurse; icu nurse; travel nurse; floor nurse; rn case manager
29-1141: med surg nurse; staff rn; clinical nurse; telemetry nurse; case manager rn; public health nurse
29-1151: nurse anesthetist; crna
29-1215: family doctor; family physician; primary care physician
29-1216: internist; hospitalist
29-1292: dental hygienist; hygienist
29-2010: lab tech; medical technologist; medical lab technician; clinical lab scientist; mlt; mls
29-2031: cardiovascular technician; ekg technician; echo technician; cardiac technician
29-2032: sonographer; ultrasound tech; ultrasound technologist
29-2033: nuclear medicine technologist
29-2034: radiographer; mammographer; mammography technologist; ct technologist
29-2035: mri technologist; mri tech
29-2042: emt; emergency medical technician; ambulance emt
29-2043: paramedic
29-2052: certified pharmacy technician; cpht
29-2053: psych tech; psychiatric technician; mental health technician; behavioral health technician
29-2056: vet tech; veterinary technician
29-2057: ophthalmic technician; optometric technician
29-2061: lpn charge nurse; licensed vocational nurse
29-2072: medical coder; coding specialist; health information technician; medical records clerk; medical biller
29-2081: optician
29-9021: cancer registrar; health information technologist
31-1120: home care aide; caregiver; personal care assistant; pca; hha; home health aide; companion
31-1120: direct care worker; resident care aide; personal care aide; hospice aide; sitter
31-1131: patient care tech; patient care associate; cna; nursing aide; state tested nursing assistant; stna
31-1131: nurse aide; patient care assistant; resident aide; certified nursing aide; hospital aide
31-1132: orderly; patient transporter
31-1133: psychiatric aide; mental health aide
31-2011: occupational therapy assistant; cota
31-2021: physical therapist assistant; pta
31-2022: physical therapy aide; rehab aide
31-9011: massage therapist; lmt
31-9091: dental assistant; chairside assistant
31-9092: clinical assistant; medical assistant; cma
31-9092: medical office assistant; back office assistant; clinical medical assistant
31-9093: sterile processing technician; central sterile tech; sterile processing tech; spd tech
31-9095: pharmacy aide; pharmacy clerk
31-9096: veterinary assistant; vet assistant; kennel technician
33-1012: police sergeant; police lieutenant
33-1091: security supervisor
33-2011: firefighter; fire fighter
33-3012: corrections officer; correctional officer; detention officer; jailer
33-3021: detective; investigator; special agent
33-3051: police officer; patrol officer; deputy sheriff
33-9032: security officer; security guard; loss prevention officer; campus security
33-9093: tsa officer; security screener
33-9094: bus monitor
35-1011: sous chef; executive chef; head cook; kitchen lead
35-1012: shift leader restaurant; shift manager restaurant; food service supervisor
35-1012: shift supervisor restaurant; floor supervisor restaurant; kitchen supervisor
35-2011: fast food cook; grill cook
35-2012: cafeteria cook; institutional cook; school cook
35-2014: grill cook; saute cook; fry cook restaurant
35-2015: short order cook
35-2021: prep cook; food prep; kitchen helper; salad maker
35-3011: bartender; mixologist
35-3023: barista; counter attendant; fast food worker; sandwich artist
35-3031: banquet server; cocktail server; food server
35-3041: room service attendant; tray passer; dietary aide
35-9011: busser; busboy; dining room attendant; barback
35-9021: dishroom worker; pot washer; steward kitchen
35-9031: host; hostess; greeter restaurant
37-1011: housekeeping supervisor; janitorial supervisor; executive housekeeper
37-2011: janitor; custodian; cleaner; environmental services; evs technician
37-2011: housekeeper commercial; floor technician; floor care technician
37-2012: hotel housekeeper; room attendant; housekeeping aide
37-2021: exterminator; pest control technician
37-3011: landscaper; groundskeeper; lawn care technician; grounds worker
37-3013: tree trimmer; arborist; tree climber
39-2021: pet groomer; dog groomer; kennel attendant
39-3011: blackjack dealer; card dealer
39-3091: ride operator; amusement attendant
39-5011: barber
39-5012: hairstylist; hair stylist; cosmetologist
39-5092: nail technician; manicurist
39-5094: esthetician
39-6011: bellman; bellhop; bell attendant; baggage porter
39-6012: concierge
39-9011: childcare worker; daycare teacher; nanny
39-9031: personal trainer; fitness instructor; yoga instructor
39-9032: recreation leader; camp counselor; activities assistant; activity aide
39-9041: residential advisor; resident assistant; house parent
41-1012: inside sales manager; sales supervisor
41-2011: front end cashier; checkout associate; register clerk
41-2021: rental agent; counter clerk; rental counter
41-2022: parts counter; parts salesperson; parts associate
41-2031: sales associate retail; cosmetics associate; optical sales associate; store associate
41-3021: insurance agent; insurance sales agent
41-3031: personal banker; financial services representative; stockbroker
41-3041: travel agent
41-3091: account executive; business development representative; sales executive; inside sales representative
41-9011: product demonstrator; brand ambassador
41-9022: real estate agent; realtor
41-9041: telemarketer; telesales representative
43-2011: switchboard operator; answering service operator
43-3011: collector; collections representative; collections specialist; debt collector
43-3021: billing specialist; billing clerk; biller
43-3061: procurement clerk; purchasing clerk
43-3071: teller; bank teller
43-4031: court clerk; deputy clerk; municipal clerk
43-4051: member services representative; customer care representative; call center representative
43-4061: eligibility specialist; eligibility worker; benefits caseworker
43-4071: file clerk; records clerk
43-4081: front desk agent; hotel front desk clerk; night auditor; guest service agent
43-4111: patient access representative; patient registrar; registration clerk; admitting clerk
43-4131: loan processor; loan clerk
43-4141: new accounts representative
43-4151: order entry clerk; order clerk; order processor
43-4161: hr assistant; human resources assistant; hr coordinator
43-4171: front desk receptionist; patient service representative
43-4181: reservation agent; ticket agent; gate agent
43-5011: freight agent; freight broker agent
43-5021: courier; messenger; bike messenger
43-5031: 911 dispatcher; emergency dispatcher; public safety dispatcher; 911 operator
43-5041: meter reader
43-5051: postal clerk; window clerk
43-5052: mail carrier; letter carrier; rural carrier
43-5053: mail sorter; mail processor
43-5111: scale operator; weigher
43-6011: executive assistant
43-6012: legal secretary
43-6014: administrative coordinator; department secretary; office coordinator; school secretary
43-9041: claims processor; policy processing clerk
43-9051: mail clerk; mailroom clerk
43-9061: general clerk; office assistant clerical; records clerk office
45-2091: tractor operator; combine operator
45-2092: farmworker; farm hand; farm laborer; nursery worker
45-2093: ranch hand; dairy worker
47-2021: bricklayer; brick mason; block mason; stonemason
47-2042: floor installer; flooring installer; carpet layer
47-2044: tile setter; tile installer
47-2051: concrete finisher; cement mason; concrete worker
47-2071: paver operator; asphalt roller operator
47-2081: drywall hanger; drywall installer; drywall finisher; taper
47-2121: glazier
47-2131: insulation installer; insulator
47-2141: commercial painter; house painter; painter
47-2151: pipe layer; pipelayer
47-2152: pipe fitter; plumbing apprentice
47-2161: plasterer; stucco mason
47-2221: ironworker; iron worker
47-2221: structural ironworker; steel erector
47-2231: solar installer; pv installer
47-3012: carpenter helper
47-3013: electrician helper; electrical helper
47-3015: plumber helper
47-4011: building inspector; code inspector; construction inspector
47-4021: elevator mechanic; elevator technician
47-4031: fence installer
47-4041: asbestos abatement worker; hazmat technician
47-4051: highway maintenance worker; road maintenance worker
47-5071: roustabout; floorhand
49-2011: atm technician; copier technician; computer repair technician
49-2022: telecom technician; cable technician; install technician
49-2091: avionics technician
49-2094: field service technician; electronics repair technician
49-2095: substation technician; relay technician
49-2098: alarm installer; security system technician; fire alarm technician
49-3011: aircraft mechanic; a&p mechanic; aviation maintenance technician
49-3021: auto body technician; collision technician
49-3023: auto technician; car technician; quick lube technician; oil change technician
49-3041: farm equipment mechanic; ag mechanic
49-3053: small engine mechanic
49-3093: tire technician; tire changer
49-9011: garage door technician
49-9031: appliance repair technician; appliance technician
49-9043: machine maintenance worker; oiler
49-9051: lineman; line worker; powerline technician; journeyman lineman
49-9052: telecom lineman; cable lineman
49-9062: biomedical technician; biomed tech; medical equipment technician
49-9071: building engineer; apartment maintenance technician
49-9081: wind turbine technician; wind tech
49-9094: locksmith
49-9096: rigger
49-9098: maintenance helper; installer helper
51-2031: engine assembler
51-3022: deboner; poultry trimmer; meat trimmer
51-3023: slaughterer; meat packer
51-3092: food production worker; batch maker
51-3093: kettle cook; cooking machine operator
51-4072: blow molding operator; injection molding technician
51-5111: prepress technician
51-5112: printing press operator; press operator printing; pressman
51-5113: bindery worker; bindery operator
51-6011: laundry attendant; laundry worker
51-6021: presser
51-6093: upholsterer
51-7011: cabinet builder; furniture maker
51-7041: sawyer; saw operator wood
51-8013: power plant operator; plant operator power
51-8021: boiler operator; stationary engineer
51-8031: wastewater operator; water treatment operator; water operator
51-8091: chemical plant operator
51-8092: gas plant operator
51-8093: refinery operator; pumper gauger
51-9032: slicer operator; cutting machine operator
51-9041: extruder operator plastics; forming machine operator
51-9081: dental lab technician
51-9123: decorator ceramics; glaze sprayer
51-9124: spray operator; sandblaster; blaster painter
51-9141: semiconductor technician; wafer fab technician; fab technician
53-1047: warehouse lead; dock lead; shipping lead
53-1047: shipping and receiving supervisor; dispatch supervisor; fleet supervisor
53-2011: airline pilot; pilot; first officer
53-2021: air traffic controller
53-2031: flight attendant
53-3031: route sales representative
53-3032: regional driver; flatbed driver; dump truck driver
53-3051: school bus driver
53-3052: bus driver; transit operator; motor coach driver
53-3053: shuttle driver; chauffeur; van driver
53-3054: taxi driver; cab driver; rideshare driver
53-4011: locomotive engineer; train engineer
53-4031: conductor; yardmaster
53-6021: valet; parking attendant
53-6031: gas station attendant; fuel attendant
53-6032: aircraft fueler; ramp agent
53-7011: conveyor operator
53-7061: car washer; detailer; car porter
53-7062: freight handler; warehouse worker; material mover; stock handler
53-7062: unloader; package handler; freight associate
53-7063: machine feeder; offbearer
53-7065: order selector; stocker; night stocker; shelf stocker
53-7065: retail stocker; grocery stocker; replenishment associate
53-7081: garbage collector; sanitation worker; refuse driver
"""


def _parsed(text: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in text.strip().splitlines():
        code, names = line.split(":", 1)
        out[code.strip()] = out.get(code.strip(), ()) + tuple(n.strip() for n in names.split(";") if n.strip())
    return out


def _merged(*texts: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for text in texts:
        for code, names in _parsed(text).items():
            out[code] = out.get(code, ()) + tuple(n for n in names if n not in out.get(code, ()))
    return out


# The long lists, one file per range of SOC major groups (cardwall/soc_titles/*.txt), are data in the same
# "code: name; name" form; blank lines and lines starting with "#" are comments.
_FILES = sorted((Path(__file__).with_name("soc_titles")).glob("*.txt"))
ALTERNATE: dict[str, tuple[str, ...]] = _merged(
    _TEXT,
    *(
        "\n".join(
            line for line in f.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
        )
        for f in _FILES
    ),
)
