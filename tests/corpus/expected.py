#!/usr/bin/env python3
"""
The expected result of importing each corpus file, computed from the files themselves with the
Python standard library only (csv, decimal), independently of the importer. Each file has its own
rule below, written out: which column is the amount, the sign convention, which rows are totals
or balance sheet to skip, the period, the currency rate, the spread.

    python3 tests/corpus/expected.py          # writes the "expected" field of every manifest entry
    python3 tests/corpus/expected.py --check  # exits 1 if manifest.json is not what the rules give

Conventions (the workspace's, see shared/ and electron/core/imports/figures.ts): money in integer
minor units; periods 'YYYY-MM'; revenue and spend both positive (a refund on an expense account
is negative); a fiscal year is named for the calendar year it ends in. Cells whose amount is 0
are left out (an importer may or may not store them; either is right).
"""
import csv
import json
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / 'files'
MANIFEST = HERE / 'manifest.json'


# ---------- helpers ----------

def rows(name, **kw):
    """The file's rows as lists of strings (utf-8, BOM dropped, line ends as csv reads them)."""
    with open(FILES / name, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f, **kw))


def dict_rows(name):
    with open(FILES / name, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def cents(text):
    """'1,234.50' / '-9.09' / '159e7' → minor units, exactly (refuses anything that is not whole cents)."""
    d = Decimal(text.replace(',', '').strip()) * 100
    if d != d.to_integral_value():
        raise ValueError(f'{text!r} is not a whole number of cents')
    return int(d)


def convert(minor, rate):
    """Minor units × rate, rounded half away from zero to the cent."""
    return int((Decimal(minor) * Decimal(rate)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fiscal_year(period, start_month):
    y, m = int(period[:4]), int(period[5:7])
    return y if start_month == 1 or m < start_month else y + 1


def fiscal_months(fy, start_month):
    y, m = (fy, 1) if start_month == 1 else (fy - 1, start_month)
    out = []
    for _ in range(12):
        out.append(f'{y:04d}-{m:02d}')
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def spread_even(total, n):
    """Largest remainder with equal weights: floor(total/n) each, the leftover cents one each to
    the earliest months; a negative total spreads as its positive, negated."""
    sign = -1 if total < 0 else 1
    t = abs(total)
    base, left = divmod(t, n)
    return [sign * (base + (1 if i < left else 0)) for i in range(n)]


def dmy(text):
    """'09/07/2026' read day-first (an Australian payroll export) → '2026-07'."""
    d, m, y = text.split('/')
    return f'{int(y):04d}-{int(m):02d}'


def figures(cells, plan_of=None):
    """{(plan, dept, account, period): minor} → the manifest's sorted cell list (zeros dropped)."""
    out = []
    for (plan, dept, acct, period), amount in sorted(cells.items(), key=lambda kv: tuple(x or '' for x in kv[0])):
        if amount == 0:
            continue
        cell = {'department': dept, 'account': acct, 'period': period, 'amountMinor': amount}
        if plan is not None:
            cell = {'plan': plan, **cell}
        out.append(cell)
    return out


def figure_result(kind, cells):
    cell_list = figures(cells)
    return {
        'kind': kind,
        'cells': cell_list,
        'totalMinor': sum(c['amountMinor'] for c in cell_list),
        'createdDepartments': [],
        'createdAccounts': [],
    }


def code_map(entry):
    return {c['from']: c['to'] for c in entry['choices'].get('codes', [])}


def account_types(setup):
    return {a['code']: a['type'] for a in setup.get('accounts', [])}


def signed(amount, acct_type, convention):
    """An amount as the workspace stores it, from a file's sign convention."""
    if convention == 'as-is':
        return amount
    if convention == 'debit-positive':  # debits +, credits −: revenue (a credit) flips
        return -amount if acct_type == 'revenue' else amount
    if convention == 'expenses-negative':  # revenue +, expenses −: expenses flip
        return amount if acct_type == 'revenue' else -amount
    raise ValueError(convention)


def people_result(people, created=()):
    people = sorted(people, key=lambda p: (p['department'], p['name'], p['startDate'] or ''))
    by_dept = defaultdict(int)
    for p in people:
        by_dept[p['department']] += 1
    return {
        'kind': 'people',
        'count': len(people),
        'leavers': sum(1 for p in people if p['endDate']),
        'byDepartment': [{'department': d, 'count': n} for d, n in sorted(by_dept.items())],
        'people': people,
        'createdDepartments': sorted(created),
    }


def person(name, dept, start=None, end=None, salary=None):
    return {'name': name, 'department': dept, 'startDate': start, 'endDate': end, 'annualSalaryMinor': salary}


# ---------- per-file rules ----------

def fpa_long(kind, plan):
    """month,department,account,account_type,amount: one row per cell, names mapped by the
    confirmed codes, amounts positive for revenue and expense alike (as the workspace stores)."""
    def rule(entry, setup):
        codes = code_map(entry)
        cells = defaultdict(int)
        for r in dict_rows(entry['file']):
            key = (plan, codes[r['department']], codes[r['account']], r['month'])
            cells[key] += cents(r['amount'])
        return figure_result(kind, cells)
    return rule


def okc_agencies(entry, setup):
    """Agency,Description: code and name; rows with an empty code (the trailing ',') are blank."""
    depts = [{'code': r['Agency'], 'name': r['Description']} for r in dict_rows(entry['file']) if r['Agency'].strip()]
    return {'kind': 'departments', 'departments': sorted(depts, key=lambda d: d['code'])}


def okc_by_fund(entry, setup):
    """FundDescription,Total: one annual total per fund (whole dollars), spread evenly over the
    twelve months of FY2016 (July start) by largest remainder; account 5000 for every row."""
    by_name = {d['name']: d['code'] for d in setup['departments']}
    months = fiscal_months(2016, setup['fiscalYearStartMonth'])
    cells = defaultdict(int)
    for r in dict_rows(entry['file']):
        dept = by_name[r['FundDescription']]
        for period, part in zip(months, spread_even(cents(r['Total']), 12)):
            cells[('FY2016 · Base', dept, '5000', period)] += part
    return figure_result('budget', cells)


def okc_by_unit(entry, setup):
    """Refused; the facts behind the reason: how many units match a department name."""
    names = {d['name'] for d in setup['departments']}
    units = [r['OperatingUnitDescription'] for r in dict_rows(entry['file'])]
    matched = sorted(u for u in units if u in names)
    return {'refuse': True, 'facts': {'units': len(units), 'matchingDepartments': matched}}


def okc_by_lob(entry, setup):
    """Refused; the facts behind the reason: which lines of business are named like a fund
    (exactly, and ignoring case)."""
    names = {d['name'] for d in setup['departments']}
    upper = {n.upper() for n in names}
    lobs = [r['LOBName'] for r in dict_rows(entry['file'])]
    return {'refuse': True, 'facts': {
        'linesOfBusiness': len(lobs),
        'matchingDepartments': sorted(x for x in lobs if x in names),
        'matchingIgnoringCase': sorted(x for x in lobs if x.upper() in upper),
    }}


def clawdog_tb(entry, setup):
    """AccountCode,AccountName,Debit,Credit,SBRM_Classification: only TotalRevenue and Expenses
    rows are P&L; revenue = credit − debit, expense = debit − credit; period and department as
    the user chose."""
    period, dept = entry['choices']['period'], entry['choices']['department']
    cells = defaultdict(int)
    for r in dict_rows(entry['file']):
        cls = r['SBRM_Classification']
        if cls == 'TotalRevenue':
            amount = cents(r['Credit']) - cents(r['Debit'])
        elif cls == 'Expenses':
            amount = cents(r['Debit']) - cents(r['Credit'])
        else:
            continue  # CurrentAssets, CurrentLiabilities, TotalEquity: balance sheet
        cells[(None, dept, r['AccountCode'], period)] += amount
    return figure_result('actuals', cells)


def ledger(entry, setup):
    """Date,…,Account name,…,Amount[,Currency]: one row per posting, amounts debit-positive;
    rows on the confirmed balance-sheet accounts skipped; other currencies converted with the
    workspace's rate for the posting's month."""
    codes = code_map(entry)
    types = account_types(setup)
    skip = set(entry['choices'].get('balanceSheet', []))
    rates = {}
    for r in setup.get('rates', []):
        p = r['from']
        while p <= r['to']:
            rates[(r['currency'], p)] = r['rate']
            y, m = int(p[:4]), int(p[5:7]) + 1
            p = f'{y + (m > 12):04d}-{(m - 1) % 12 + 1:02d}'
    dept = entry['choices']['department']
    cells = defaultdict(int)
    for r in dict_rows(entry['file']):
        name = r.get('Account_Name') or r.get('AccountName')
        if name in skip:
            continue
        acct = codes[name]  # every other account is one the user matched
        period = r['Date'][:7]
        amount = signed(cents(r['Amount']), types[acct], entry['choices']['signs'])
        currency = r.get('Currency') or setup['currency']
        if currency != setup['currency']:
            amount = convert(amount, rates[(currency, period)])
        cells[(None, dept, acct, period)] += amount
    return figure_result('actuals', cells)


def xero_pl(entry, setup):
    """Xero Profit and Loss: rows before the 'Account,…' header are titles; after it, a row with
    only a first cell is a section heading, rows named Total … / Gross Profit / Net Profit are
    subtotals; every other row is an account (matched by name) with one amount per month column.
    Xero shows income and expenses both positive, as the workspace stores them."""
    codes = code_map(entry)
    dept = entry['choices']['department']
    data = rows(entry['file'])
    start = next(i for i, r in enumerate(data) if r and r[0] == 'Account')
    months = {'Aug 2026': '2026-08', 'Aug 2025': '2025-08'}
    periods = [months[h] for h in data[start][1:]]
    cells = defaultdict(int)
    for r in data[start + 1:]:
        if len(r) < 2 or r[0].startswith('Total ') or r[0] in ('Gross Profit', 'Net Profit'):
            continue
        acct = codes[r[0]]
        for period, text in zip(periods, r[1:]):
            cells[(None, dept, acct, period)] += cents(text)
    return figure_result('actuals', cells)


def lumbridge_pl(entry, setup):
    """Code,Account,Amount,Tracking Option: by account code, expenses negative (flipped to
    positive), the month and department the user chose; the tracking option is ignored."""
    types = account_types(setup)
    period, dept = entry['choices']['period'], entry['choices']['department']
    cells = defaultdict(int)
    for r in dict_rows(entry['file']):
        acct = r['Code']
        cells[(None, dept, acct, period)] += signed(cents(r['Amount']), types[acct], 'expenses-negative')
    return figure_result('actuals', cells)


def aapbi_budgets(entry, setup):
    """PeriodDate,EntityID,AccountCode,BudgetAmount: each row into the plan of its own fiscal
    year (July start: 2024-07 is FY2025)."""
    cells = defaultdict(int)
    for r in dict_rows(entry['file']):
        period = r['PeriodDate'][:7]
        plan = f"FY{fiscal_year(period, setup['fiscalYearStartMonth'])} · Base"
        cells[(plan, r['EntityID'], r['AccountCode'], period)] += cents(r['BudgetAmount'])
    return figure_result('budget', cells)


def aapbi_accounts(entry, setup):
    """AccountCode,AccountName,Class,…: Revenue → revenue, Expense → expense; Asset, Liability and
    Equity rows are balance sheet (skipped)."""
    types = {'Revenue': 'revenue', 'Expense': 'expense'}
    accts = [{'code': r['AccountCode'], 'name': r['AccountName'], 'type': types[r['Class']]}
             for r in dict_rows(entry['file']) if r['Class'] in types]
    return {'kind': 'accounts', 'accounts': sorted(accts, key=lambda a: a['code'])}


def aapbi_entities(entry, setup):
    """EntityID → code, LegalName → name."""
    depts = [{'code': r['EntityID'], 'name': r['LegalName']} for r in dict_rows(entry['file'])]
    return {'kind': 'departments', 'departments': sorted(depts, key=lambda d: d['code'])}


def xero_tb(entry, setup):
    """Xero trial balance: Section Revenue → credit − debit, Expenses → debit − credit, from the
    month's Debit/Credit (YTD columns ignored); other sections are balance sheet; the period is
    the report date's month."""
    dept = entry['choices']['department']
    cells = defaultdict(int)
    for r in dict_rows(entry['file']):
        if r['Section'] == 'Revenue':
            amount = cents(r['Credit']) - cents(r['Debit'])
        elif r['Section'] == 'Expenses':
            amount = cents(r['Debit']) - cents(r['Credit'])
        else:
            continue
        cells[(None, dept, r['AccountCode'], r['ReportDate'][:7])] += amount
    return figure_result('actuals', cells)


def payroll(date_col, amount_col, day_first):
    """One row per employee payment: the amount column summed into the chosen account and
    department for the payment date's month (day-first dates in the Australian exports)."""
    def rule(entry, setup):
        c = entry['choices']
        cells = defaultdict(int)
        for r in dict_rows(entry['file']):
            period = dmy(r[date_col]) if day_first else r[date_col][:7]
            cells[(None, c['department'], c['account'], period)] += cents(r[amount_col])
        return figure_result('actuals', cells)
    return rule


def hrturnover_people(entry, setup):
    """first_name + last_name → name; department by (exact) name; hire_date → start; every status
    is 'active' and there is no end date, so nobody has left."""
    by_name = {d['name']: d['code'] for d in setup['departments']}
    people = []
    for r in dict_rows(entry['file']):
        assert r['status'] == 'active'
        people.append(person(f"{r['first_name']} {r['last_name']}", by_name[r['department']], r['hire_date']))
    return people_result(people)


def datatalk_people(entry, setup):
    """first_name + last_name → name; department through the confirmed matches; salary (whole
    dollars a year) → annual salary; hire_date → start; no end dates."""
    codes = code_map(entry)
    people = [person(f"{r['first_name']} {r['last_name']}", codes[r['department']], r['hire_date'], None, cents(r['salary']))
              for r in dict_rows(entry['file'])]
    return people_result(people)


def basevn_people(entry, setup):
    """Full Name, Department (confirmed matches; unmatched ones created when the user chose so),
    Start Date; Internal ID and Password Hash are not people fields."""
    codes = code_map(entry)
    create = entry['choices'].get('createMissing', False)
    people, created = [], set()
    for r in dict_rows(entry['file']):
        dept = codes.get(r['Department'])
        if dept is None:
            assert create, r['Department']
            dept = r['Department']
            created.add(dept)
        people.append(person(r['Full Name'], dept, r['Start Date']))
    return people_result(people, created)


def lumbridge_people(entry, setup):
    """name, annual_salary: the chosen department; no dates."""
    dept = entry['choices']['department']
    return people_result([person(r['name'], dept, None, None, cents(r['annual_salary'])) for r in dict_rows(entry['file'])])


def refused(entry, setup):
    return {'refuse': True}


RULES = {
    'fpa-budget-h1-2026.csv': fpa_long('budget', 'FY2026 · Base'),
    'fpa-actuals-h1-2026.csv': fpa_long('actuals', None),
    'okc-agencies.csv': okc_agencies,
    'okc-budget-by-fund.csv': okc_by_fund,
    'okc-budget-by-operating-unit.csv': okc_by_unit,
    'okc-budget-by-line-of-business.csv': okc_by_lob,
    'clawdog-trial-balance.csv': clawdog_tb,
    'clawdog-trial-balance-quoted-rows.csv': refused,
    'clawdog-balances.csv': refused,
    'clawdog-gl-q1-fy26.csv': ledger,
    'clawdog-acme-uk-gl-fy24.csv': ledger,
    'clawdog-acme-uk-gl-fy25.csv': ledger,
    'clawdog-acme-au-gl-fy24.csv': ledger,
    'clawdog-acme-au-gl-fy25.csv': ledger,
    'clawdog-fx-rates.csv': refused,
    'clawdog-sydney-cafe-gl-fy24.csv': ledger,
    'clawdog-sydney-cafe-gl-fy25.csv': ledger,
    'clawdog-bluey-builders-gl-fy25.csv': ledger,
    'tidytuesday-climate-spending.csv': refused,
    'aufpa-xero-profit-and-loss-aug-2026.csv': xero_pl,
    'aufpa-xero-balance-sheet-jun-2026.csv': refused,
    'aufpa-lumbridge-xero-pl.csv': lumbridge_pl,
    'aufpa-lumbridge-xero-bs.csv': refused,
    'aufpa-lumbridge-payroll.csv': lumbridge_people,
    'aufpa-foxfactory-balance-sheet.csv': refused,
    'aapbi-monthly-budgets-fy25-fy27.csv': aapbi_budgets,
    'aapbi-chart-of-accounts.csv': aapbi_accounts,
    'aapbi-entities.csv': aapbi_entities,
    'xerotb-catherby-jun-2026.csv': xero_tb,
    'xerotb-balance-sheet-only.csv': refused,
    'payday-xero-payroll.csv': payroll('Payment Date', 'Superannuation Guarantee', True),
    'payday-employment-hero-payroll.csv': payroll('Date Paid', 'Super Guarantee', True),
    'payday-myob-business-payroll.csv': payroll('Payment date', 'Superannuation guarantee', True),
    'payday-sample-payrun.csv': payroll('payment_date', 'sg_amount', False),
    'hrturnover-employees.csv': hrturnover_people,
    'hrturnover-exits.csv': refused,
    'datatalk-employees.csv': datatalk_people,
    'sdc-employees.csv': refused,
    'basevn-employees.csv': basevn_people,
    'basevn-test-employees.csv': basevn_people,
}


def compute(manifest):
    listed = {e['file'] for e in manifest['files']}
    on_disk = {p.name for p in FILES.iterdir() if p.is_file()}
    if listed != on_disk or set(RULES) != on_disk:
        raise SystemExit(f'manifest, rules and files/ disagree: {sorted(listed ^ on_disk)} {sorted(set(RULES) ^ on_disk)}')
    for entry in manifest['files']:
        setup = manifest['setups'][entry['setup']]
        expected = RULES[entry['file']](entry, setup)
        refuses = entry['expect'] == 'refuse'
        if refuses != bool(expected.get('refuse')):
            raise SystemExit(f"{entry['file']}: expect is {entry['expect']} but its rule says otherwise")
        entry['expected'] = expected
    return manifest


def main():
    with open(MANIFEST, encoding='utf-8') as f:
        before = f.read()
    after = json.dumps(compute(json.loads(before)), ensure_ascii=False, indent=2) + '\n'
    if '--check' in sys.argv:
        if after != before:
            print('manifest.json is not what expected.py computes; run python3 tests/corpus/expected.py')
            sys.exit(1)
        print('manifest.json is up to date')
        return
    with open(MANIFEST, 'w', encoding='utf-8') as f:
        f.write(after)
    print(f'wrote expectations for {len(json.loads(after)["files"])} files')


if __name__ == '__main__':
    main()
