/**
 * The public "Open your store" application: one schema for the dashboard's /apply form (live
 * validation) and the server's `POST /api/merchants/signup`, so both refuse the same input
 * with the same messages.
 */
import { z } from 'zod';

/** ISO 3166-1 alpha-2 codes; the form shows their names through `Intl.DisplayNames`. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
const COUNTRY_SET = new Set(COUNTRY_CODES);

/** What the form offers as business types (the API takes any short text). */
export const BUSINESS_TYPES = [
  'Fashion & apparel',
  'Food & drink',
  'Health & beauty',
  'Home & garden',
  'Electronics',
  'Books & media',
  'Art & crafts',
  'Sports & outdoors',
  'Toys & games',
  'Services',
  'Other',
] as const;

/** Longest short description an application may carry. */
export const APPLICATION_DESCRIPTION_MAX = 500;

const required = (max: number, missing: string) =>
  z.string(missing).trim().min(1, missing).max(max, `Use at most ${max} characters`);

export const MerchantSignupBody = z.object({
  storeName: required(120, 'Enter the name of your store'),
  ownerName: required(120, 'Enter your name'),
  email: z.email('Enter a valid email address, like you@store.com').max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,32}$/, 'must be a phone number')
    .optional(),
  businessType: required(80, 'Choose what you sell'),
  country: z
    .string('Choose your country')
    .trim()
    .transform((c) => c.toUpperCase())
    .refine((c) => COUNTRY_SET.has(c), 'Choose your country'),
  description: z
    .string()
    .trim()
    .max(APPLICATION_DESCRIPTION_MAX, `Use at most ${APPLICATION_DESCRIPTION_MAX} characters`)
    .optional(),
  /**
   * Spam trap: the form hides this field from people, so only bots fill it. A filled one is
   * answered like any application and nothing is kept.
   */
  website: z.string().max(2000).optional().describe('Leave empty'),
});
export type MerchantSignupBody = z.infer<typeof MerchantSignupBody>;
export type MerchantSignupInput = z.input<typeof MerchantSignupBody>;

/**
 * The one answer to every accepted application — new, repeated (the address already applied
 * or owns a store) or caught by the spam trap — so it tells nobody who is a merchant.
 */
export const MerchantSignupResponse = z.object({ accepted: z.literal(true) });
export type MerchantSignupResponse = z.infer<typeof MerchantSignupResponse>;
