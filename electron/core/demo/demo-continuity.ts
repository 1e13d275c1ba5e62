/**
 * Larkspur Freight's business continuity and risk registers: the processes that keep freight
 * moving, what they depend on, the plans and call trees to recover them, the exercises held and a
 * dozen risks. Dates are offsets from the demo's as-of date, so the registers look current on any
 * day. Vendors, phone numbers and e-mail domains are fictional (555-01xx numbers, .example domains).
 *
 * The content is sound on purpose except for the gaps a director should find:
 * - Payroll depends on a payroll bureau whose contract ended six weeks ago, and its plan was last
 *   reviewed fourteen months ago;
 * - Warehouse operations (Tier 1) has a recovery step owner, the inventory controller, with no
 *   alternate on the call tree, and relies on a forklift contractor who needs longer than its RTO;
 * - Customer service has a plan that was never exercised;
 * - Fleet maintenance and Invoicing (Tier 3) have no plan yet.
 */
import type { DependencyKind, ExerciseKind, PlanScenario } from '../../../shared/continuity';
import type { MitigationStatus, RiskCategory } from '../../../shared/risks';

/** An offset from the as-of date: whole months (the day kept, clamped to the month) plus days. */
export interface When {
  months?: number;
  days?: number;
}

export interface DemoVendor {
  name: string;
  service: string;
  contactName: string;
  phone: string;
  email: string;
  contractEnd: When;
  annualSpend: number;
  recoveryHours: number;
}

export const demoVendors: readonly DemoVendor[] = [
  {
    name: 'FleetFuel Card Services',
    service: 'Fuel cards for the fleet (diesel at 1,200 stations)',
    contactName: 'Maria Jensen',
    phone: '(800) 555-0142',
    email: 'accounts@fleetfuel.example',
    contractEnd: { months: 14 },
    annualSpend: 268_000,
    recoveryHours: 24,
  },
  {
    name: 'RouteWise',
    service: 'Transport management and vehicle telematics (SaaS)',
    contactName: 'Dev Patel',
    phone: '(888) 555-0117',
    email: 'support@routewise.example',
    contractEnd: { months: 8 },
    annualSpend: 38_400,
    recoveryHours: 4,
  },
  {
    name: 'Harbor Payroll Bureau',
    service: 'Payroll processing, payslips and payroll tax filings',
    contactName: 'Elaine Brooks',
    phone: '(312) 555-0188',
    email: 'clients@harborpayroll.example',
    // Ended: the renewal is still unsigned.
    contractEnd: { days: -45 },
    annualSpend: 14_200,
    recoveryHours: 48,
  },
  {
    name: 'Liftline Forklift Services',
    service: 'Forklift maintenance, repairs and loan trucks',
    contactName: 'Gus Moreno',
    phone: '(312) 555-0163',
    email: 'service@liftline.example',
    contractEnd: { months: 5 },
    annualSpend: 18_600,
    recoveryHours: 48,
  },
  {
    name: 'Northbeam Cloud',
    service: 'Hosting for the WMS, e-mail, file shares and backups',
    contactName: 'Priyanka Rao',
    phone: '(877) 555-0129',
    email: 'noc@northbeam.example',
    contractEnd: { months: 20 },
    annualSpend: 46_800,
    recoveryHours: 4,
  },
];

export interface DemoAsset {
  kind: 'system' | 'site';
  name: string;
  description: string;
  recoveryHours: number | null;
}

export const TMS = 'Transport management system (TMS)';
export const WMS = 'Warehouse management system (WMS)';
export const PAYROLL_SYSTEM = 'Payroll system';
export const PHONES = 'E-mail and phones';
export const MAIN_DEPOT = 'Main depot';
export const OVERFLOW = 'Eastgate overflow warehouse';

export const demoAssets: readonly DemoAsset[] = [
  { kind: 'system', name: TMS, description: 'RouteWise: orders, route planning, driver app and proof of delivery.', recoveryHours: 4 },
  { kind: 'system', name: WMS, description: 'Stock, pick lists and dock scheduling, hosted by Northbeam Cloud.', recoveryHours: 8 },
  { kind: 'system', name: PAYROLL_SYSTEM, description: 'Timesheets and pay files sent to Harbor Payroll Bureau.', recoveryHours: 24 },
  { kind: 'system', name: PHONES, description: 'Microsoft 365 mail and the hosted phone system with the customer service queue.', recoveryHours: 4 },
  { kind: 'site', name: MAIN_DEPOT, description: 'Head office, 12,000 m² warehouse, truck yard and workshop.', recoveryHours: null },
  { kind: 'site', name: OVERFLOW, description: 'Leased 3,000 m² overflow warehouse with a small yard, 6 miles east.', recoveryHours: null },
];

/** Ratings 1–5 at 4 h, 24 h, 72 h, 1 week and 2 weeks: [financial, customer, regulatory, reputational, safety]. */
type Ratings = readonly [number, number, number, number, number];

export interface DemoProcess {
  name: string;
  description: string;
  dept: string;
  owner: string;
  tier: number;
  rtoHours: number;
  rtoReason: string | null;
  rpoHours: number;
  mtpdHours: number;
  costPerDay: number;
  peakMonths: number[];
  review: When;
  impacts: readonly [Ratings, Ratings, Ratings, Ratings, Ratings];
}

export const DISPATCH = 'Dispatch & route planning';
export const WAREHOUSE = 'Warehouse operations';
export const PAYROLL = 'Payroll';
export const CUSTOMER_SERVICE = 'Customer service';
export const FLEET_MAINTENANCE = 'Fleet maintenance';
export const INVOICING = 'Invoicing & billing';

/**
 * Each RTO is the one the impact analysis suggests at the default tolerance of 4 (the first horizon
 * with a rating of 4 or more), except customer service's, which the director set shorter.
 */
export const demoProcesses: readonly DemoProcess[] = [
  {
    name: DISPATCH,
    description: "Planning each day's routes, assigning loads to drivers and tracking deliveries to proof of delivery.",
    dept: '220',
    owner: 'Tomasz Wrobel',
    tier: 1,
    rtoHours: 4,
    rtoReason: null,
    rpoHours: 1,
    mtpdHours: 24,
    costPerDay: 21_000,
    peakMonths: [10, 11, 12],
    review: { months: 5 },
    impacts: [
      [3, 4, 1, 3, 2],
      [4, 5, 2, 4, 2],
      [5, 5, 3, 5, 3],
      [5, 5, 3, 5, 3],
      [5, 5, 4, 5, 3],
    ],
  },
  {
    name: WAREHOUSE,
    description: 'Receiving, storing, picking and loading customer freight at the main depot.',
    dept: '210',
    owner: 'Priya Natarajan',
    tier: 1,
    rtoHours: 24,
    rtoReason: null,
    rpoHours: 4,
    mtpdHours: 72,
    costPerDay: 14_500,
    peakMonths: [11, 12],
    review: { months: 7 },
    impacts: [
      [2, 3, 1, 2, 1],
      [3, 4, 2, 3, 2],
      [4, 5, 2, 4, 2],
      [5, 5, 3, 5, 2],
      [5, 5, 3, 5, 3],
    ],
  },
  {
    name: PAYROLL,
    description: 'Paying 60 staff correctly and on time, monthly, with payroll taxes filed.',
    dept: '500',
    owner: 'Akosua Mensah',
    tier: 2,
    rtoHours: 72,
    rtoReason: null,
    rpoHours: 24,
    mtpdHours: 168,
    costPerDay: 2_500,
    peakMonths: [1, 12],
    review: { months: 2 },
    impacts: [
      [1, 1, 1, 1, 1],
      [1, 1, 2, 2, 1],
      [2, 2, 4, 3, 1],
      [3, 2, 5, 4, 1],
      [4, 2, 5, 5, 1],
    ],
  },
  {
    name: CUSTOMER_SERVICE,
    description: 'Answering customer calls and e-mails: bookings, delivery questions, claims.',
    dept: '230',
    owner: 'Ines Carvalho',
    tier: 2,
    rtoHours: 24,
    rtoReason: 'Our two largest contracts promise a reply within one business day; the impact analysis alone would allow three days.',
    rpoHours: 8,
    mtpdHours: 168,
    costPerDay: 6_000,
    peakMonths: [11, 12],
    review: { months: 9 },
    impacts: [
      [1, 2, 1, 2, 1],
      [2, 3, 1, 3, 1],
      [3, 4, 1, 3, 1],
      [3, 5, 2, 4, 1],
      [4, 5, 2, 5, 1],
    ],
  },
  {
    name: FLEET_MAINTENANCE,
    description: 'Servicing, inspections and repairs that keep the trucks legal and on the road.',
    dept: '220',
    owner: 'Tomasz Wrobel',
    tier: 3,
    rtoHours: 168,
    rtoReason: null,
    rpoHours: 24,
    mtpdHours: 336,
    costPerDay: 3_200,
    peakMonths: [],
    review: { months: 3 },
    impacts: [
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 2],
      [2, 2, 2, 1, 3],
      [3, 3, 3, 2, 4],
      [4, 4, 4, 3, 5],
    ],
  },
  {
    name: INVOICING,
    description: 'Invoicing delivered loads from proof of delivery and chasing payment.',
    dept: '300',
    owner: 'Robert Aldana',
    tier: 3,
    rtoHours: 72,
    rtoReason: null,
    rpoHours: 24,
    mtpdHours: 336,
    costPerDay: 4_000,
    peakMonths: [3, 6, 9, 12],
    review: { months: 4 },
    impacts: [
      [1, 1, 1, 1, 1],
      [2, 1, 1, 1, 1],
      [4, 2, 2, 2, 1],
      [5, 3, 3, 3, 1],
      [5, 4, 3, 4, 1],
    ],
  },
];

export interface DemoDependency {
  process: string;
  kind: DependencyKind;
  /** A person's, process's, system's or site's, or vendor's name. */
  target: string;
  recoveryHours?: number;
  notes?: string;
}

export const demoDependencies: readonly DemoDependency[] = [
  { process: DISPATCH, kind: 'person', target: 'Nadia Petrova', notes: 'Senior dispatcher: plans the long-haul routes and knows the customer time windows.' },
  { process: DISPATCH, kind: 'system', target: TMS },
  { process: DISPATCH, kind: 'system', target: PHONES },
  { process: DISPATCH, kind: 'vendor', target: 'RouteWise' },
  { process: DISPATCH, kind: 'vendor', target: 'FleetFuel Card Services', recoveryHours: 4, notes: 'Drivers carry an emergency card with a 4-hour limit if the cards are declined.' },
  { process: DISPATCH, kind: 'site', target: MAIN_DEPOT, recoveryHours: 4, notes: 'Dispatch can run from the overflow warehouse office within 4 hours.' },

  { process: WAREHOUSE, kind: 'person', target: 'Femi Adebayo', notes: 'The only inventory controller: stock reconciliations and WMS master data.' },
  { process: WAREHOUSE, kind: 'system', target: WMS },
  { process: WAREHOUSE, kind: 'vendor', target: 'Liftline Forklift Services', notes: 'A loan forklift arrives within 48 hours of a call.' },
  { process: WAREHOUSE, kind: 'vendor', target: 'Northbeam Cloud' },
  { process: WAREHOUSE, kind: 'site', target: MAIN_DEPOT, recoveryHours: 24, notes: 'Loading moves to the overflow warehouse within a day.' },
  { process: WAREHOUSE, kind: 'process', target: DISPATCH },

  { process: PAYROLL, kind: 'person', target: 'Ingrid Berg', notes: 'Runs every pay cycle; nobody else has done one end to end.' },
  { process: PAYROLL, kind: 'system', target: PAYROLL_SYSTEM },
  { process: PAYROLL, kind: 'vendor', target: 'Harbor Payroll Bureau' },

  { process: CUSTOMER_SERVICE, kind: 'system', target: PHONES },
  { process: CUSTOMER_SERVICE, kind: 'system', target: TMS, notes: 'Delivery status and proof of delivery lookups.' },
  { process: CUSTOMER_SERVICE, kind: 'vendor', target: 'Northbeam Cloud' },
  { process: CUSTOMER_SERVICE, kind: 'process', target: DISPATCH },

  { process: FLEET_MAINTENANCE, kind: 'person', target: 'Viktor Horvat', notes: 'The only fleet mechanic.' },
  { process: FLEET_MAINTENANCE, kind: 'site', target: MAIN_DEPOT, notes: 'The workshop and inspection pit are at the main depot.' },

  { process: INVOICING, kind: 'person', target: 'Yasmin Farouk' },
  { process: INVOICING, kind: 'system', target: TMS, notes: 'Proof of delivery is the basis of every invoice.' },
  { process: INVOICING, kind: 'vendor', target: 'Northbeam Cloud' },
];

export interface DemoStep {
  action: string;
  owner: string;
  withinHours: number;
}

export interface DemoCall {
  person: string;
  alternate: string | null;
  /** The person who calls this one; null for the first caller. */
  calledBy: string | null;
}

export interface DemoPlan {
  name: string;
  process: string | null;
  scenario: PlanScenario | null;
  activationCriteria: string;
  workarounds: string;
  reviewed: When;
  steps: readonly DemoStep[];
  callTree: readonly DemoCall[];
}

export const LOSS_OF_SITE = 'Loss of the main depot';

export const demoPlans: readonly DemoPlan[] = [
  {
    name: 'Dispatch recovery',
    process: DISPATCH,
    scenario: 'it',
    activationCriteria: 'The TMS or the telematics feed is down for more than 30 minutes between 05:00 and 20:00, or dispatch cannot reach the drivers.',
    workarounds:
      "Dispatch from the route sheets printed every evening at 18:00 for the next day; reach drivers by phone and the SMS group; drivers record deliveries on the paper proof-of-delivery pads in every cab.",
    reviewed: { months: -3 },
    steps: [
      { action: 'Declare the incident and open the bridge call.', owner: 'Marcus Oyelaran', withinHours: 0.5 },
      { action: "Switch dispatch to the printed route sheets and phone; confirm every driver's first drop.", owner: 'Nadia Petrova', withinHours: 1 },
      { action: 'Log the outage with RouteWise support and get a restore estimate.', owner: 'Kenji Watanabe', withinHours: 1 },
      { action: 'Tell the key accounts which deliveries may run late.', owner: 'Ines Carvalho', withinHours: 2 },
      { action: 'Re-plan the afternoon loads by hand from the order list.', owner: 'Nadia Petrova', withinHours: 4 },
      { action: 'Key the paper proofs of delivery into the TMS once it is back.', owner: 'Nadia Petrova', withinHours: 24 },
    ],
    callTree: [
      { person: 'Marcus Oyelaran', alternate: 'Beatrice Lund', calledBy: null },
      { person: 'Tomasz Wrobel', alternate: 'Kwame Boateng', calledBy: 'Marcus Oyelaran' },
      { person: 'Nadia Petrova', alternate: 'Kwame Boateng', calledBy: 'Tomasz Wrobel' },
      { person: 'Kenji Watanabe', alternate: 'Arjun Nair', calledBy: 'Marcus Oyelaran' },
      { person: 'Ines Carvalho', alternate: 'Lucy Chen', calledBy: 'Marcus Oyelaran' },
    ],
  },
  {
    name: 'Warehouse recovery',
    process: WAREHOUSE,
    scenario: null,
    activationCriteria: 'The WMS is unavailable for more than 2 hours of a shift, or the warehouse floor cannot be worked safely (power, racking damage, forklifts down).',
    workarounds: 'Pick from paper lists printed from the last WMS export; load by hand-written manifests checked against the TMS orders.',
    reviewed: { months: -2 },
    steps: [
      { action: 'Stop picking, make the floor safe and account for every person on shift.', owner: 'Gareth Mills', withinHours: 0.5 },
      { action: 'Ask IT to restore the WMS with Northbeam Cloud.', owner: 'Arjun Nair', withinHours: 2 },
      { action: 'Print paper pick lists from the last WMS export and restart picking.', owner: 'Femi Adebayo', withinHours: 2 },
      { action: "Agree the order of outbound loads with dispatch.", owner: 'Priya Natarajan', withinHours: 4 },
      { action: 'Reconcile stock against the paper lists when the WMS is back.', owner: 'Femi Adebayo', withinHours: 24 },
    ],
    callTree: [
      { person: 'Priya Natarajan', alternate: 'Marcus Oyelaran', calledBy: null },
      { person: 'Gareth Mills', alternate: 'Rosa Delgado', calledBy: 'Priya Natarajan' },
      { person: 'Femi Adebayo', alternate: null, calledBy: 'Priya Natarajan' },
      { person: 'Arjun Nair', alternate: 'Zoe Martin', calledBy: 'Priya Natarajan' },
    ],
  },
  {
    name: 'Payroll continuity',
    process: PAYROLL,
    scenario: 'supplier',
    activationCriteria: 'The pay file cannot be sent to the bureau by 12:00 two working days before payday, or the bureau cannot run the payroll.',
    workarounds: "Repeat last month's net pay as an emergency payment from the bank portal and correct the difference in the next cycle.",
    reviewed: { months: -14 },
    steps: [
      { action: 'Confirm the status of the pay run with Harbor Payroll Bureau.', owner: 'Ingrid Berg', withinHours: 2 },
      { action: "Approve an emergency payment of last month's net pay from the bank portal.", owner: 'Helen Achterberg', withinHours: 24 },
      { action: 'Tell staff what is happening and when corrections follow.', owner: 'Akosua Mensah', withinHours: 24 },
      { action: 'Reconcile the emergency payment in the next pay cycle.', owner: 'Ingrid Berg', withinHours: 168 },
    ],
    callTree: [
      { person: 'Akosua Mensah', alternate: 'Fiona Walsh', calledBy: null },
      { person: 'Ingrid Berg', alternate: 'Robert Aldana', calledBy: 'Akosua Mensah' },
      { person: 'Helen Achterberg', alternate: 'Robert Aldana', calledBy: 'Akosua Mensah' },
    ],
  },
  {
    name: 'Customer service continuity',
    process: CUSTOMER_SERVICE,
    scenario: null,
    activationCriteria: 'The phone queue or the service inbox is down for more than 1 hour in business hours.',
    workarounds: 'Divert the service number to the team mobiles; log every contact on the shared spreadsheet until the systems are back.',
    reviewed: { months: -5 },
    steps: [
      { action: 'Divert the service number to the team mobiles.', owner: 'Ines Carvalho', withinHours: 1 },
      { action: 'Post a service notice on the website and the customer portal.', owner: 'Lucy Chen', withinHours: 2 },
      { action: 'Call the twenty largest accounts.', owner: 'Daniel Osei', withinHours: 4 },
      { action: 'Log every contact on the shared spreadsheet.', owner: 'Lucy Chen', withinHours: 4 },
    ],
    callTree: [
      { person: 'Ines Carvalho', alternate: 'Lucy Chen', calledBy: null },
      { person: 'Lucy Chen', alternate: 'Sara Lindberg', calledBy: 'Ines Carvalho' },
      { person: 'Daniel Osei', alternate: 'Marta Kowalczyk', calledBy: 'Ines Carvalho' },
      { person: 'Sara Lindberg', alternate: 'Jin Park', calledBy: 'Lucy Chen' },
    ],
  },
  {
    name: LOSS_OF_SITE,
    process: null,
    scenario: 'site',
    activationCriteria: 'The main depot cannot be used or reached for more than 4 hours: fire, flood, power loss, a police cordon or structural damage.',
    workarounds:
      'Run outbound loads from the Eastgate overflow warehouse; trucks park at the overflow yard; office staff work from home on their laptops; the go-bag (keys, printed call tree, route sheets) is kept at Eastgate.',
    reviewed: { months: -4 },
    steps: [
      { action: 'Evacuate, account for everyone on site and call the emergency services if needed.', owner: 'Gareth Mills', withinHours: 0.25 },
      { action: 'Activate the plan and convene the incident team.', owner: 'Marcus Oyelaran', withinHours: 1 },
      { action: 'Divert the main phone lines to the customer service mobiles.', owner: 'Kenji Watanabe', withinHours: 2 },
      { action: 'Open the Eastgate overflow warehouse and redirect inbound trailers.', owner: 'Priya Natarajan', withinHours: 4 },
      { action: "Re-plan today's routes from the overflow yard.", owner: 'Nadia Petrova', withinHours: 4 },
      { action: 'Tell customers what service to expect this week.', owner: 'Ines Carvalho', withinHours: 8 },
      { action: 'Notify the insurer and the landlord.', owner: 'Helen Achterberg', withinHours: 24 },
      { action: 'Brief all staff, and daily until the depot reopens.', owner: 'Akosua Mensah', withinHours: 24 },
    ],
    callTree: [
      { person: 'Marcus Oyelaran', alternate: 'Beatrice Lund', calledBy: null },
      { person: 'Dana Whitfield', alternate: 'Helen Achterberg', calledBy: 'Marcus Oyelaran' },
      { person: 'Priya Natarajan', alternate: 'Gareth Mills', calledBy: 'Marcus Oyelaran' },
      { person: 'Tomasz Wrobel', alternate: 'Nadia Petrova', calledBy: 'Marcus Oyelaran' },
      { person: 'Kenji Watanabe', alternate: 'Arjun Nair', calledBy: 'Marcus Oyelaran' },
      { person: 'Ines Carvalho', alternate: 'Lucy Chen', calledBy: 'Marcus Oyelaran' },
      { person: 'Akosua Mensah', alternate: 'Fiona Walsh', calledBy: 'Dana Whitfield' },
    ],
  },
];

export interface DemoExercise {
  plan: string;
  kind: ExerciseKind;
  held: When;
  participants: string[];
  summary: string;
  findings: string;
  /** Offsets from the day it was held. */
  nextDue: When;
  actions: readonly { action: string; owner: string; due: When; done: boolean }[];
}

export const demoExercises: readonly DemoExercise[] = [
  {
    plan: LOSS_OF_SITE,
    kind: 'tabletop',
    held: { months: -7 },
    participants: ['Marcus Oyelaran', 'Dana Whitfield', 'Priya Natarajan', 'Tomasz Wrobel', 'Nadia Petrova', 'Kenji Watanabe', 'Ines Carvalho', 'Helen Achterberg'],
    summary:
      'Scenario: a fire in the workshop at 04:30 on a Monday closes the main depot for at least a week. The team walked through the first 24 hours hour by hour.',
    findings:
      'The overflow warehouse has no forklift on site and Liftline needs 48 hours to deliver a loan truck. The phone diversion instructions in the go-bag were two years old. Nobody outside IT could reset the WMS administrator password.',
    nextDue: { months: 12 },
    actions: [
      { action: 'Update the phone diversion card in the go-bag.', owner: 'Kenji Watanabe', due: { months: 1 }, done: true },
      { action: 'Put sealed WMS break-glass credentials in the Eastgate safe.', owner: 'Arjun Nair', due: { months: 2 }, done: true },
      { action: 'Agree a 24-hour loan forklift clause with Liftline.', owner: 'Priya Natarajan', due: { months: 3 }, done: false },
      { action: 'Hold a full test of the move to Eastgate on a weekend.', owner: 'Marcus Oyelaran', due: { months: 9 }, done: false },
    ],
  },
  {
    plan: 'Dispatch recovery',
    kind: 'walkthrough',
    held: { months: -4, days: -10 },
    participants: ['Marcus Oyelaran', 'Tomasz Wrobel', 'Nadia Petrova', 'Kwame Boateng', 'Kenji Watanabe'],
    summary: 'Walked through a morning TMS outage with the printed route sheets of the day before.',
    findings: 'The route sheets lacked customer delivery windows; two drivers had no paper proof-of-delivery pads.',
    nextDue: { months: 12 },
    actions: [
      { action: 'Add delivery windows to the printed route sheets.', owner: 'Nadia Petrova', due: { months: 1 }, done: true },
      { action: 'Check the proof-of-delivery pads in every cab monthly.', owner: 'Tomasz Wrobel', due: { months: 1 }, done: true },
    ],
  },
  {
    plan: 'Warehouse recovery',
    kind: 'walkthrough',
    held: { months: -2, days: -6 },
    participants: ['Priya Natarajan', 'Gareth Mills', 'Rosa Delgado', 'Femi Adebayo', 'Arjun Nair'],
    summary: 'Walked through a WMS outage during the night shift.',
    findings: 'Only Femi Adebayo knows how to produce the paper pick lists from the WMS export.',
    nextDue: { months: 12 },
    actions: [{ action: 'Train both shift supervisors to print the paper pick lists.', owner: 'Femi Adebayo', due: { months: 3 }, done: false }],
  },
  {
    plan: 'Payroll continuity',
    kind: 'walkthrough',
    held: { months: -9 },
    participants: ['Akosua Mensah', 'Ingrid Berg', 'Helen Achterberg', 'Robert Aldana'],
    summary: 'Walked through the bureau missing the pay file deadline two days before payday.',
    findings: "The bank portal's emergency payment limit was below one month's net pay.",
    nextDue: { months: 12 },
    actions: [{ action: "Raise the bank portal's payment limit for payroll.", owner: 'Helen Achterberg', due: { months: 1 }, done: true }],
  },
];

export interface DemoRisk {
  title: string;
  description: string;
  category: RiskCategory;
  owner: string;
  inherent: readonly [number, number];
  residual: readonly [number, number];
  review: When;
  mitigations: readonly { action: string; status: MitigationStatus; owner: string; due: When | null }[];
  processes?: readonly string[];
  vendors?: readonly string[];
}

/** A dozen risks across every category; three sit above the default appetite of 12. */
export const demoRisks: readonly DemoRisk[] = [
  {
    title: 'Ransomware encrypts office and warehouse systems',
    description: 'A phishing e-mail or an unpatched server lets ransomware encrypt the WMS, file shares and payroll files.',
    category: 'technology',
    owner: 'Kenji Watanabe',
    inherent: [4, 5],
    residual: [3, 5],
    review: { months: 2 },
    mitigations: [
      { action: 'Multi-factor sign-in for every account.', status: 'done', owner: 'Arjun Nair', due: null },
      { action: 'Immutable offline backups, restore tested quarterly.', status: 'in_progress', owner: 'Arjun Nair', due: { months: 2 } },
      { action: 'Phishing training for all office staff.', status: 'planned', owner: 'Fiona Walsh', due: { months: 4 } },
    ],
    processes: [WAREHOUSE, PAYROLL, INVOICING],
    vendors: ['Northbeam Cloud'],
  },
  {
    title: 'Payroll bureau contract has lapsed',
    description: 'The Harbor Payroll Bureau contract ended without a signed renewal; the bureau may stop or reprice the service at short notice.',
    category: 'supplier',
    owner: 'Akosua Mensah',
    inherent: [4, 4],
    residual: [4, 4],
    review: { days: 14 },
    mitigations: [
      { action: 'Sign the renewal with Harbor Payroll Bureau.', status: 'in_progress', owner: 'Helen Achterberg', due: { days: 21 } },
      { action: 'Get a quote from a second payroll bureau.', status: 'planned', owner: 'Akosua Mensah', due: { months: 2 } },
    ],
    processes: [PAYROLL],
    vendors: ['Harbor Payroll Bureau'],
  },
  {
    title: 'Shortage of qualified HGV drivers',
    description: 'Drivers leave for better-paid agency work and vacancies stay open for months, so loads are refused in peak season.',
    category: 'people',
    owner: 'Akosua Mensah',
    inherent: [4, 4],
    residual: [4, 4],
    review: { months: 1 },
    mitigations: [
      { action: 'Referral bonus for drivers who bring in a driver.', status: 'in_progress', owner: 'Rahul Mehta', due: { months: 1 } },
      { action: 'Driver apprenticeship with the local college.', status: 'planned', owner: 'Akosua Mensah', due: { months: 6 } },
    ],
    processes: [DISPATCH],
  },
  {
    title: 'Dispatch knowledge concentrated in one person',
    description: 'Long-haul route planning and customer time windows live in the senior dispatcher\'s head.',
    category: 'people',
    owner: 'Tomasz Wrobel',
    inherent: [4, 4],
    residual: [3, 4],
    review: { months: 3 },
    mitigations: [
      { action: 'Document the nightly route-sheet routine.', status: 'done', owner: 'Nadia Petrova', due: null },
      { action: 'Cross-train Kwame Boateng on long-haul planning.', status: 'in_progress', owner: 'Tomasz Wrobel', due: { months: 2 } },
    ],
    processes: [DISPATCH],
  },
  {
    title: 'TMS and telematics outage',
    description: 'The RouteWise service is unavailable during dispatch hours.',
    category: 'technology',
    owner: 'Kenji Watanabe',
    inherent: [3, 5],
    residual: [3, 4],
    review: { months: 4 },
    mitigations: [
      { action: 'Print the next day\'s route sheets every evening.', status: 'done', owner: 'Nadia Petrova', due: null },
      { action: 'Negotiate service credits for outages over 4 hours.', status: 'planned', owner: 'Kenji Watanabe', due: { months: 8 } },
    ],
    processes: [DISPATCH, CUSTOMER_SERVICE],
    vendors: ['RouteWise'],
  },
  {
    title: 'Diesel price spike',
    description: 'Fuel is the largest cost after wages; a sustained price rise erodes margins on fixed-price contracts.',
    category: 'financial',
    owner: 'Helen Achterberg',
    inherent: [4, 4],
    residual: [4, 3],
    review: { months: 1 },
    mitigations: [
      { action: 'Fuel surcharge clause in every customer contract at renewal.', status: 'in_progress', owner: 'Samir Haddad', due: { months: 6 } },
      { action: 'Review fixed-price fuel card tariffs.', status: 'planned', owner: 'Helen Achterberg', due: { months: 3 } },
    ],
    vendors: ['FleetFuel Card Services'],
  },
  {
    title: 'Revenue concentrated in three customers',
    description: 'The three largest customers bring almost half of freight revenue.',
    category: 'financial',
    owner: 'Samir Haddad',
    inherent: [3, 4],
    residual: [3, 4],
    review: { months: 5 },
    mitigations: [{ action: 'Win two new mid-size accounts this year.', status: 'in_progress', owner: 'Jordan Blake', due: { months: 6 } }],
    processes: [CUSTOMER_SERVICE],
  },
  {
    title: 'Fire or flood at the main depot',
    description: 'The depot holds the warehouse, the yard, the workshop and the head office.',
    category: 'operational',
    owner: 'Marcus Oyelaran',
    inherent: [2, 5],
    residual: [2, 4],
    review: { months: 6 },
    mitigations: [
      { action: 'Standby lease on the Eastgate overflow warehouse.', status: 'done', owner: 'Priya Natarajan', due: null },
      { action: 'Annual sprinkler and alarm inspection.', status: 'done', owner: 'Priya Natarajan', due: null },
    ],
    processes: [WAREHOUSE, DISPATCH, FLEET_MAINTENANCE],
  },
  {
    title: 'Loss of the only fleet mechanic',
    description: 'Viktor Horvat does every service and inspection; if he leaves or is off sick, trucks go off road.',
    category: 'people',
    owner: 'Tomasz Wrobel',
    inherent: [3, 4],
    residual: [3, 3],
    review: { months: 2 },
    mitigations: [{ action: 'Call-off agreement with a local truck workshop.', status: 'planned', owner: 'Tomasz Wrobel', due: { months: 2 } }],
    processes: [FLEET_MAINTENANCE],
  },
  {
    title: 'Forklift collision injures a worker',
    description: 'Pedestrians and forklifts share the aisles at shift change.',
    category: 'safety',
    owner: 'Priya Natarajan',
    inherent: [3, 5],
    residual: [2, 5],
    review: { months: 3 },
    mitigations: [
      { action: 'Mark pedestrian walkways and crossing points.', status: 'done', owner: 'Gareth Mills', due: null },
      { action: 'Refresher training for every forklift operator.', status: 'in_progress', owner: 'Rosa Delgado', due: { months: 1 } },
    ],
    processes: [WAREHOUSE],
    vendors: ['Liftline Forklift Services'],
  },
  {
    title: "Breach of drivers' hours rules",
    description: 'Tight routes in peak season push drivers past their legal driving hours.',
    category: 'compliance',
    owner: 'Tomasz Wrobel',
    inherent: [3, 4],
    residual: [2, 4],
    review: { months: 4 },
    mitigations: [{ action: 'Telematics alerts before a driver reaches the daily limit.', status: 'done', owner: 'Nadia Petrova', due: null }],
    processes: [DISPATCH],
    vendors: ['RouteWise'],
  },
  {
    title: 'Leak of customer records',
    description: 'Customer contacts and delivery addresses are exposed through a shared mailbox or a lost laptop.',
    category: 'compliance',
    owner: 'Lena Vogel',
    inherent: [3, 4],
    residual: [2, 4],
    review: { months: -1 },
    mitigations: [
      { action: 'Encrypt every laptop.', status: 'done', owner: 'Zoe Martin', due: null },
      { action: 'Quarterly review of who can open the shared mailboxes.', status: 'planned', owner: 'Lena Vogel', due: { months: 1 } },
    ],
    processes: [CUSTOMER_SERVICE],
    vendors: ['Northbeam Cloud'],
  },
];
