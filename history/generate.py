#!/usr/bin/env python3
"""Writes programme.ndjson, the programme's public history as ledger commands, from the cohort list in
../../shared/data/cohorts.csv (names, codes and sources of every named region) and the published figures of
../../shared/PROGRAM.md. Conventions are in README.md beside this file. Run: python3 history/generate.py"""
import csv, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
COHORTS = os.path.join(HERE, '..', '..', 'shared', 'data', 'cohorts.csv')

# cohorts.csv took its codes from a BPS-based list; the ledger is keyed by Kemendagri codes.
KEMENDAGRI = {'94.12': '91.09', '94.71': '91.71', '94.13': '91.16', '11.16': '11.14'}
DISPUTED_2024 = {'75.04', '53.09'}   # Bone Bolango or Flores Timur: the sources disagree on which one
DATES = {  # (selected, MoU signed, MoU place, virtual, source of the dates)
    2017: ('2017-05-03', '2017-05-22', 'Makassar', False),
    2018: ('2018-05-08', '2018-05-08', 'Redtop Hotel and Convention Centre, Jakarta', False),
    2019: ('2019-02-22', '2019-05-15', 'Hotel Santika Premiere, Jakarta', False),
    2021: ('2021-01-01', None, None, False),
    2022: ('2022-01-01', None, None, False),
    2023: ('2023-01-01', None, None, False),
    # An MoU names its place; where no source gives it, the command says so rather than leaving it empty.
    2024: ('2024-03-05', '2024-03-05', 'Not published', False),
}
NOTES = {
    2017: 'Assessment and interviews 2-3 May 2017 (80 regions invited); launch and MoU 22 May 2017, Makassar',
    2018: 'Phase 2: 120 candidates assessed; selection announced with the MoU of 50 heads of region, 8 May 2018',
    2019: 'Assessment 21-22 Feb 2019 (107 invited); MoU 15 May 2019',
    2021: 'Selection date not published: recorded as the first day of the cohort year',
    2022: 'Selection date not published: recorded as the first day of the cohort year',
    2023: 'Assessed in 2022 (8 provinces, 88 regions); selection date not published: first day of the cohort year',
    2024: 'MoU 5 Mar 2024; selection recorded on the day of the MoU',
}
# Rounds with a published assessment date: each selected region is recorded as a candidate of its round first. No
# scores were published, so none are recorded; the candidates that were not selected are not named anywhere.
ASSESSED = {2017: '2017-05-02', 2019: '2019-02-21'}
# Not in any published list: recorded because it won the 2022 award for national priority tourism areas (002), which
# went to regions that took part, and the 2021 cohort was the regions of those areas (003).
INFERRED_2021 = [('33.12', 'Kabupaten Wonogiri',
                  'Not named in a 2021 list: inferred from its 2022 award in the national priority tourism area'
                  ' category (002); the 2021 cohort was the regions of those areas (003). Selection date not'
                  ' published: recorded as the first day of the cohort year')]
SMART_PROVINCES = [  # code, name, regencies and cities
    ('34', 'DI Yogyakarta', 5), ('32', 'Jawa Barat', 27)]
SMART_PROVINCE_SOURCE = ('Kominfo Smart Province selection, agreement 28 Feb 2023 (002; PROGRAM.md): a province'
                         ' qualifies only when at least 80% of its regencies and cities have a masterplan. The ledger'
                         ' records none of their masterplans, so the least that decision implies is attested')
AWARDS_2022 = [  # category, code (002: Seminar Gerakan Menuju Kota Cerdas 2022, 30 Nov - 1 Dec 2022)
    ('SMART_GOVERNANCE', '32.73'), ('SMART_BRANDING', '33.72'), ('SMART_ECONOMY', '33.74'),
    ('SMART_SOCIETY', '34.71'), ('SMART_LIVING', '33.21'), ('SMART_ENVIRONMENT', '35.77'),
    ('NATIONAL_PRIORITY_TOURISM_AREA', '33.12')]
WEIGHTS = {'BASELINE': 10, 'OUTPUT': 20, 'OUTCOME': 30, 'IMPACT': 30, 'QUICK_WIN': 10}
EVALUATIONS = [  # code, year, published index, published national rank
    ('35.71', 2021, '3.06', None), ('35.71', 2022, '3.31', 22)]
WITHDRAWN_2018 = {
    '32.76': 'Selection cancelled for non-technical reasons (Depok city government); took part in 2019',
    '33.02': 'Did not take part in 2018; in the 2019 list, masterplan written from July 2019',
}
FIGURES = [  # year, metric, value, sources, published on, note
    (2017, 'ENGAGED', 25, ['001', '003', '004'], None, None),
    (2017, 'DISTINCT_CUMULATIVE', 25, ['001', '003', '004'], None, None),
    (2018, 'ENGAGED', 50, ['000', '001', '003'], '2018-05-08', None),
    (2018, 'DISTINCT_CUMULATIVE', 75, ['000', '001', '003'], None, None),
    (2019, 'ENGAGED', 25, ['003', '004'], None, None),
    (2019, 'DISTINCT_CUMULATIVE', 100, ['003', '004'], None, None),
    (2021, 'ENGAGED', 48, ['003'], None, '70 regions in the 10 national priority tourism areas and IKN took part; 48 received more than four months of mentoring'),
    (2021, 'REPEATS', 7, ['003'], None, 'The 7 repeats are not named in any source'),
    (2021, 'DISTINCT_CUMULATIVE', 141, ['003'], None, '141 of 514; the 30 Nov - 1 Dec 2022 seminar evaluated the 141'),
    (2022, 'ENGAGED', 50, ['003'], None, '50 new masterplans'),
    (2022, 'REPEATS', 0, ['003'], None, None),
    (2022, 'DISTINCT_CUMULATIVE', 191, ['003'], None, '141 + 50'),
    (2023, 'PLANNED', 50, ['002'], '2022-12-01', '8 provinces and 88 regions assessed in 2022'),
    (2023, 'SMART_PROVINCES', 2, ['002'], '2022-12-01', 'DI Yogyakarta and Jawa Barat, agreement 28 Feb 2023'),
    (2023, 'DISTINCT_CUMULATIVE', 241, ['bentengtimes.com 2023-12-10'], '2023-12-10', 'running total'),
    (2024, 'ENGAGED', 10, ['patrolipost.com', 'flores.pikiran-rakyat.com'], '2024-03-05', 'One name differs between the two sources: Kabupaten Bone Bolango or Kabupaten Flores Timur'),
    (2024, 'DISTINCT_CUMULATIVE', 251, ['bentengtimes.com 2023-12-10'], None, 'running total'),
]

def name_of(raw):
    return 'Kabupaten ' + raw[4:] if raw.startswith('Kab ') else raw

def main():
    rows = list(csv.DictReader(open(COHORTS, encoding='utf-8')))
    lines, assisted = [], {}
    def emit(command): lines.append(json.dumps(command, ensure_ascii=False))
    for year in sorted(DATES):
        selected_on, mou_on, place, virtual = DATES[year]
        cohort = [r for r in rows if int(r['cohort']) == year]
        if year == 2021:
            cohort += [{'code': code, 'name': name, 'source': note, 'inferred': note} for code, name, note in INFERRED_2021]
        for r in cohort:
            code = KEMENDAGRI.get(r['code'], r['code'])
            if year == 2024 and code in DISPUTED_2024:
                continue
            name = name_of(r['name'])
            kind = 'CITY' if name.startswith('Kota ') else 'REGENCY'
            if code in assisted and assisted[code] != 'withdrawn':
                emit({'command': 'RepeatMentoring', 'code': code, 'cohortYear': year, 'startedOn': selected_on,
                      'reason': 'Named again in the %d list (sources: %s)' % (year, r['source'][:120])})
            else:
                if year in ASSESSED:
                    emit({'command': 'AssessCandidate', 'code': code, 'name': name, 'kind': kind,
                          'round': str(year), 'assessedOn': ASSESSED[year],
                          'scores': {'readinessNotes': 'Scores not published. ' + NOTES[year]}})
                emit({'command': 'SelectRegion', 'code': code, 'name': name, 'kind': kind, 'cohortYear': year,
                      'selectedOn': selected_on,
                      'assessment': {'round': str(year), 'assessedOn': ASSESSED.get(year),
                                     'notes': r.get('inferred') or NOTES[year]}})
            assisted[code] = 'assisted'
            if mou_on:
                emit({'command': 'SignMoU', 'code': code, 'cohortYear': year, 'signedOn': mou_on, 'place': place,
                      'virtual': virtual, 'signatories': ['Kepala daerah', 'Direktur Jenderal Aplikasi Informatika'],
                      'scope': ['technical guidance for the masterplan']})
            if year == 2022 and code == '51.02':
                emit({'command': 'SignMoU', 'code': code, 'cohortYear': 2022, 'signedOn': '2022-04-21',
                      'place': 'Tabanan Command Centre', 'virtual': True,
                      'signatories': ['Sekda Tabanan I Gede Susila', 'Direktur Jenderal Aplikasi Informatika'],
                      'scope': ['implementation of Gerakan Menuju Kota Cerdas']})
            if year == 2018 and code in WITHDRAWN_2018:
                emit({'command': 'WithdrawRegion', 'code': code, 'cohortYear': 2018, 'withdrawnOn': '2018-12-31',
                      'reason': WITHDRAWN_2018[code] + ' (date not published: recorded as the end of 2018)'})
                assisted[code] = 'withdrawn'
        if year == 2023:
            for code, name, total in SMART_PROVINCES:
                emit({'command': 'SelectSmartProvince', 'code': code, 'name': name, 'cohortYear': 2023,
                      'selectedOn': '2023-02-28', 'attestedMasterplans': -(-80 * total // 100),
                      'attestationSource': SMART_PROVINCE_SOURCE})
                emit({'command': 'SignMoU', 'code': code, 'cohortYear': 2023, 'signedOn': '2023-02-28',
                      'place': 'Not published', 'virtual': False, 'signatories': ['Gubernur', 'Direktur Jenderal Aplikasi Informatika'],
                      'scope': ['Smart Province masterplan']})
    for code, year, index, rank in EVALUATIONS:
        emit({'command': 'RecordEvaluation', 'code': code, 'year': year,
              # Scores are JSON numbers: the ledger reads no number from a string.
              'dimensionScores': {dimension: float(index) for dimension in WEIGHTS}, 'pillarScores': {},
              'weights': WEIGHTS, 'rank': rank,
              'note': 'Only the index was published (PROGRAM.md); each dimension is recorded at the index, so the'
                      ' computed index equals it. Weights 10/20/30/30/10 as one source gives them'})
    for category, code in AWARDS_2022:
        emit({'command': 'GrantAward', 'year': 2022, 'category': category, 'code': code,
              'citation': 'Seminar Gerakan Menuju Kota Cerdas 2022, Jakarta, 30 Nov - 1 Dec 2022 (002)'})
    for year, metric, value, sources, published_on, note in FIGURES:
        for source in sources:
            emit({'command': 'RecordPublishedFigure', 'year': year, 'metric': metric, 'value': value,
                  'source': source, 'publishedOn': published_on, 'note': note})
    with open(os.path.join(HERE, 'programme.ndjson'), 'w', encoding='utf-8') as out:
        out.write('\n'.join(lines) + '\n')
    print('%d commands' % len(lines), file=sys.stderr)

main()
