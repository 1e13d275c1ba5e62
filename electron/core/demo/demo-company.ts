/**
 * Larkspur Freight, the demo company. Its departments and accounts are exactly those of the sample
 * spreadsheets managers send (departments.csv, accounts.csv), so those files import into a demo
 * workspace. Amounts are in major units here and become minor units when the demo is built.
 */
import type { AccountType } from '../../../shared/budget';

export const demoCompanyName = 'Larkspur Freight';

export interface DemoDepartment {
  code: string;
  name: string;
  parentCode: string | null;
  manager: string;
}

export const demoDepartments: readonly DemoDepartment[] = [
  { code: '100', name: 'Larkspur Freight', parentCode: null, manager: 'Dana Whitfield' },
  { code: '200', name: 'Operations', parentCode: '100', manager: 'Marcus Oyelaran' },
  { code: '210', name: 'Warehouse', parentCode: '200', manager: 'Priya Natarajan' },
  { code: '220', name: 'Fleet', parentCode: '200', manager: 'Tomasz Wrobel' },
  { code: '230', name: 'Customer Service', parentCode: '200', manager: 'Ines Carvalho' },
  { code: '300', name: 'Finance', parentCode: '100', manager: 'Helen Achterberg' },
  { code: '400', name: 'Sales & Marketing', parentCode: '100', manager: 'Jordan Blake' },
  { code: '410', name: 'Sales', parentCode: '400', manager: 'Samir Haddad' },
  { code: '420', name: 'Marketing', parentCode: '400', manager: 'Chloé Durand' },
  { code: '500', name: 'People', parentCode: '100', manager: 'Akosua Mensah' },
  { code: '600', name: 'IT', parentCode: '100', manager: 'Kenji Watanabe' },
];

export const demoAccounts: readonly { code: string; name: string; type: AccountType }[] = [
  { code: '4000', name: 'Freight revenue', type: 'revenue' },
  { code: '6000', name: 'Salaries & wages', type: 'expense' },
  { code: '6010', name: 'Benefits & payroll taxes', type: 'expense' },
  { code: '6100', name: 'Travel', type: 'expense' },
  { code: '6200', name: 'Software & subscriptions', type: 'expense' },
  { code: '6300', name: 'Rent & facilities', type: 'expense' },
  { code: '6400', name: 'Fuel', type: 'expense' },
  { code: '6410', name: 'Vehicle maintenance', type: 'expense' },
  { code: '6500', name: 'Professional services', type: 'expense' },
  { code: '6600', name: 'Marketing programs', type: 'expense' },
  { code: '6700', name: 'Training', type: 'expense' },
  { code: '6900', name: 'Insurance', type: 'expense' },
  { code: '1500', name: 'Equipment (capital)', type: 'capex' },
];

export const SALARIES = '6000';
export const BENEFITS = '6010';
/** Employer benefits and payroll taxes as a share of salaries. */
export const BENEFITS_RATE = 0.21;

/**
 * A person on the roster. Dates are months relative to the first month of the current fiscal
 * year, so the demo looks current for any as-of date: everyone active started before the year;
 * open roles are budgeted from their target start within it.
 */
export interface DemoPerson {
  dept: string;
  name: string;
  title: string;
  fte: number;
  salary: number;
  /** Months after the fiscal year's first month (negative: before it). */
  start: number;
  /** Months after the fiscal year's first month of the last day worked. */
  end?: number;
  open?: boolean;
}

function p(dept: string, name: string, title: string, salary: number, start: number, extra: Partial<DemoPerson> = {}): DemoPerson {
  return { dept, name, title, fte: 1, salary, start, ...extra };
}

function openRole(dept: string, title: string, salary: number, start: number): DemoPerson {
  return { dept, name: `Open role — ${title}`, title, fte: 1, salary, start, open: true };
}

export const demoPeople: readonly DemoPerson[] = [
  p('100', 'Dana Whitfield', 'Chief Executive Officer', 235_000, -98),
  p('200', 'Marcus Oyelaran', 'Director of Operations', 158_000, -74),
  p('200', 'Beatrice Lund', 'Operations Analyst', 71_000, -19),

  p('210', 'Priya Natarajan', 'Warehouse Manager', 92_000, -66),
  p('210', 'Gareth Mills', 'Shift Supervisor', 61_500, -52),
  p('210', 'Rosa Delgado', 'Shift Supervisor', 60_000, -31),
  p('210', 'Femi Adebayo', 'Inventory Controller', 56_000, -40),
  p('210', 'Luca Bianchi', 'Forklift Operator', 46_500, -58),
  p('210', 'Hannah Kowal', 'Forklift Operator', 45_000, -27),
  p('210', 'Diego Ramos', 'Forklift Operator', 44_500, -14),
  p('210', 'Aisha Rahman', 'Warehouse Associate', 41_000, -45),
  p('210', 'Tom Brennan', 'Warehouse Associate', 40_000, -23, { end: 5 }),
  p('210', 'Mei Lin', 'Warehouse Associate', 39_500, -9),
  p('210', 'Oskar Nilsson', 'Warehouse Associate', 20_000, -16, { fte: 0.5 }),
  p('210', 'Grace Mwangi', 'Warehouse Associate', 39_500, -7),
  openRole('210', 'Forklift operator', 45_000, 3),

  p('220', 'Tomasz Wrobel', 'Fleet Manager', 88_000, -80),
  p('220', 'Nadia Petrova', 'Dispatcher', 52_000, -35),
  p('220', 'Kwame Boateng', 'Dispatcher', 41_600, -22, { fte: 0.8 }),
  p('220', 'Sean Gallagher', 'HGV Driver', 58_000, -71),
  p('220', 'Ahmed Karimi', 'HGV Driver', 56_500, -49),
  p('220', 'Paulo Mendes', 'HGV Driver', 57_000, -38),
  p('220', 'Jonas Weber', 'HGV Driver', 55_000, -26, { end: 13 }),
  p('220', 'Marek Novak', 'HGV Driver', 54_000, -18),
  p('220', 'Ellie Thompson', 'HGV Driver', 54_000, -11),
  p('220', 'Ruben Ortiz', 'HGV Driver', 53_500, -5),
  p('220', 'Ibrahim Diallo', 'HGV Driver', 53_000, -3),
  p('220', 'Viktor Horvat', 'Fleet Mechanic', 60_000, -44),
  openRole('220', 'HGV driver', 55_000, 2),

  p('230', 'Ines Carvalho', 'Customer Service Manager', 72_000, -57),
  p('230', 'Lucy Chen', 'Customer Service Representative', 43_000, -33),
  p('230', 'Daniel Osei', 'Customer Service Representative', 42_000, -21),
  p('230', 'Marta Kowalczyk', 'Customer Service Representative', 41_500, -13),
  p('230', 'Pedro Alves', 'Customer Service Representative', 33_600, -8, { fte: 0.8 }),
  p('230', 'Sara Lindberg', 'Customer Service Representative', 42_500, -28),
  p('230', 'Jin Park', 'Customer Service Representative', 41_000, -4),
  openRole('230', 'Customer service representative', 41_000, 6),

  p('300', 'Helen Achterberg', 'Finance Director', 138_000, -90),
  p('300', 'Robert Aldana', 'Financial Controller', 96_000, -47),
  p('300', 'Yasmin Farouk', 'Accountant', 67_000, -25),
  p('300', 'Colin Brady', 'Accounts Payable Clerk', 37_600, -36, { fte: 0.8 }),

  p('400', 'Jordan Blake', 'VP Sales & Marketing', 152_000, -61),

  p('410', 'Samir Haddad', 'Head of Sales', 124_000, -55),
  p('410', 'Olivia Grant', 'Account Executive', 84_000, -39),
  p('410', 'Chioma Eze', 'Account Executive', 81_000, -30),
  p('410', 'Matteo Ricci', 'Account Executive', 79_000, -24),
  p('410', "Liam O'Connor", 'Account Executive', 76_000, -12),
  p('410', 'Nora Svensson', 'Sales Coordinator', 50_500, -20),
  openRole('410', 'Account executive', 78_000, 4),

  p('420', 'Chloé Durand', 'Marketing Manager', 91_000, -43),
  p('420', 'Ben Harper', 'Marketing Specialist', 62_000, -17),
  p('420', 'Ana Sousa', 'Content Designer', 31_000, -10, { fte: 0.5 }),

  p('500', 'Akosua Mensah', 'Head of People', 106_000, -50),
  p('500', 'Fiona Walsh', 'HR Generalist', 58_500, -29),
  p('500', 'Rahul Mehta', 'Talent Acquisition Partner', 50_400, -15, { fte: 0.8 }),
  p('500', 'Ingrid Berg', 'Payroll Specialist', 54_000, -34),

  p('600', 'Kenji Watanabe', 'IT Manager', 112_000, -63),
  p('600', 'Arjun Nair', 'Systems Administrator', 81_000, -37),
  p('600', 'Lena Vogel', 'Business Systems Analyst', 74_000, -26),
  p('600', 'Zoe Martin', 'IT Support Technician', 54_500, -20),
  openRole('600', 'Data engineer', 98_000, 5),
];

/**
 * A budget line pattern for one leaf department and account (salaries and benefits come from the
 * roster instead). `monthly` is the typical month; `seasonal` follows freight volume; `months`
 * places lumpy spend (capital purchases, audit fees) on fiscal-month indexes 0–11.
 */
export interface LineProfile {
  account: string;
  monthly: number;
  seasonal?: boolean;
  months?: Readonly<Record<number, number>>;
  /** Round budget amounts to this many major units (default 10). */
  roundTo?: number;
}

export const demoProfiles: Readonly<Record<string, readonly LineProfile[]>> = {
  '210': [
    { account: '6200', monthly: 1_400 },
    { account: '6300', monthly: 16_000 },
    { account: '6700', monthly: 900 },
    { account: '6900', monthly: 2_100 },
    { account: '1500', monthly: 0, months: { 3: 38_000, 9: 42_000 } },
  ],
  '220': [
    { account: '6400', monthly: 21_000, seasonal: true },
    { account: '6410', monthly: 4_800, seasonal: true },
    { account: '6700', monthly: 700 },
    { account: '6900', monthly: 4_600 },
    { account: '1500', monthly: 0, months: { 2: 145_000, 8: 150_000 } },
  ],
  '230': [
    { account: '6200', monthly: 2_600 },
    { account: '6700', monthly: 600 },
  ],
  '300': [
    { account: '6100', monthly: 600 },
    { account: '6200', monthly: 3_200 },
    { account: '6300', monthly: 7_000 },
    // The year-end audit lands in the first two months of the fiscal year.
    { account: '6500', monthly: 6_500, months: { 0: 19_000, 1: 16_000 } },
    { account: '6900', monthly: 5_200 },
  ],
  '410': [
    { account: '4000', monthly: 470_000, seasonal: true, roundTo: 1_000 },
    { account: '6100', monthly: 6_200 },
    { account: '6200', monthly: 2_400 },
  ],
  '420': [
    // Spring and autumn campaigns.
    { account: '6600', monthly: 15_000, months: { 2: 22_000, 3: 24_000, 8: 23_000, 9: 26_000 } },
    { account: '6100', monthly: 1_500 },
    { account: '6200', monthly: 1_900 },
  ],
  '500': [
    { account: '6200', monthly: 1_300 },
    { account: '6500', monthly: 2_600 },
    { account: '6700', monthly: 3_800 },
  ],
  '600': [
    { account: '6200', monthly: 11_500 },
    { account: '6500', monthly: 3_200 },
    { account: '1500', monthly: 0, months: { 0: 9_000, 3: 9_000, 6: 9_000, 9: 9_000 } },
  ],
};

/** Freight volume by calendar month (January first); averages 1. */
export const volumeSeason: readonly number[] = [0.9, 0.88, 1.0, 0.98, 1.0, 1.02, 0.97, 0.96, 1.03, 1.06, 1.08, 1.12];
