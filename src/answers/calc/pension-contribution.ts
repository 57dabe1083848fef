import {
  CalcInputError,
  employeePension,
  flexiblePension,
  formatMoney,
  formatPct,
  resolveBand,
  type BaseBand,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  pensionBase,
  pensionBaseBand,
  pensionRates,
  residentPension,
  type Policies,
  type Resolved,
} from '../../policies/index.js';
import type { CalcContext, CalcReply, OwnCost } from '../answerer.js';
import { answerKind } from './contribution-kind.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';

/** The base band: from the average wage the person named, else the region's published floor/cap. */
interface Band {
  band: BaseBand;
  /** The average wage behind the band, when known. */
  averageWage?: string;
  /** How the band was found, for the reply. */
  origin: string;
  resolved: Resolved<unknown>[];
}

function bandFor(p: Policies, slots: Slots, year: number): Band | undefined {
  const code = regionCode(slots);
  const pct = pensionBaseBand(p, code, year);
  if (slots.averageWage !== undefined && pct) {
    const { minPctOfAverage: lo, maxPctOfAverage: hi } = pct.value;
    const avg = slots.averageWage;
    return {
      band: { averageWage: avg, floorPct: lo, capPct: hi },
      averageWage: avg,
      origin: `按你提供的社平工资${formatMoney(avg)}元的${lo}%–${hi}%`,
      resolved: [pct],
    };
  }
  if (code === 'national') return undefined;
  const base = pensionBase(p, code, year);
  if (!base || base.value.floor === undefined || base.value.cap === undefined) return undefined;
  const band: Band = {
    band: { floor: base.value.floor, cap: base.value.cap },
    origin: `${base.region.name}${base.year ?? year}年缴费基数上下限`,
    resolved: [base],
  };
  if (base.value.averageWage !== undefined) band.averageWage = String(base.value.averageWage);
  return band;
}

function employee(p: Policies, slots: Slots, year: number, own: OwnCost): string {
  const rates = pensionRates(p, regionCode(slots), year, 'employee');
  const employerPct = rates?.value.employerPct;
  const individualPct = rates?.value.individualPct;
  if (!rates || employerPct === undefined || individualPct === undefined) {
    return '没有找到可用的职工养老保险费率数据，暂时无法计算。';
  }
  const band = bandFor(p, slots, year);
  const income = slots.contributionBase ?? slots.monthlyIncome;
  if (!band && income === undefined) {
    return [
      '职工养老保险（单位上班）按月缴费：',
      `· 单位缴纳缴费基数的${formatPct(employerPct)}`,
      `· 个人缴纳缴费基数的${formatPct(individualPct)}，全部记入个人账户`,
      '· 缴费基数一般是上年月平均工资，并限定在当地社平工资的60%–300%之间',
      '告诉我你的城市和月收入，我可以算出具体金额。',
      citeSources(rates),
      ...caveats(rates),
    ].join('\n');
  }
  const r = employeePension({
    income: income ?? resolveBand(band!.band).floor,
    band: band?.band ?? { floor: income!, cap: income! },
    employerPct,
    individualPct,
  });
  own.value = r.individual;
  const base = formatMoney(r.base.base);
  const lines = [`职工养老保险（单位上班）每月缴费，按${placeName(slots)}${year}年标准估算：`];
  if (band) {
    lines.push(
      `· 缴费基数下限${formatMoney(r.base.floor)}元、上限${formatMoney(r.base.cap)}元（${band.origin}）`,
    );
  } else {
    lines.push('· 未提供城市，没有按当地缴费基数上下限调整');
  }
  if (income === undefined) {
    lines.push('· 没有你的收入，下面按缴费基数下限（最低）计算');
  }
  const adjust =
    r.base.adjustment === 'raised_to_floor'
      ? `（月收入${formatMoney(r.base.income)}元低于下限，按下限计）`
      : r.base.adjustment === 'cut_to_cap'
        ? `（月收入${formatMoney(r.base.income)}元高于上限，按上限计）`
        : '';
  lines.push(`· 缴费基数：${base}元${adjust}`);
  lines.push(
    `· 个人缴纳：${base} × ${formatPct(individualPct)} = ${formatMoney(r.individual.monthly)}元/月（全年${formatMoney(r.individual.yearly)}元），全部记入个人账户`,
  );
  lines.push(
    `· 单位缴纳：${base} × ${formatPct(employerPct)} = ${formatMoney(r.employer.monthly)}元/月（全年${formatMoney(r.employer.yearly)}元）`,
  );
  lines.push(`· 合计：${formatMoney(r.total.monthly)}元/月，全年${formatMoney(r.total.yearly)}元`);
  if (income === undefined) {
    const top = employeePension({
      income: r.base.cap,
      band: band!.band,
      employerPct,
      individualPct,
    });
    const c = formatMoney(top.base.base);
    lines.push(
      `· 若按上限${c}元：个人${c} × ${formatPct(individualPct)} = ${formatMoney(top.individual.monthly)}元/月，单位${c} × ${formatPct(employerPct)} = ${formatMoney(top.employer.monthly)}元/月，合计${formatMoney(top.total.monthly)}元/月`,
      '告诉我你的月收入，可以算出你自己的金额。',
    );
  }
  lines.push(
    citeSources(rates, ...(band?.resolved ?? [])),
    ...caveats(rates, ...(band?.resolved ?? [])),
  );
  return lines.join('\n');
}

function flexible(p: Policies, slots: Slots, year: number, own: OwnCost): string {
  const code = regionCode(slots);
  const rates = pensionRates(p, code, year, 'flexible');
  const national = pensionRates(p, 'national', year, 'flexible');
  const totalPct = rates?.value.totalPct;
  const accountPct = rates?.value.accountPct ?? national?.value.accountPct;
  if (!rates || totalPct === undefined || accountPct === undefined) {
    return '没有找到灵活就业人员养老保险的费率数据，暂时无法计算。';
  }
  const band = bandFor(p, slots, year);
  const cited = [rates, ...(rates === national ? [] : [national]), ...(band?.resolved ?? [])];
  if (!band) {
    const lines = [
      '灵活就业人员参加职工养老保险：',
      `· 按自选缴费基数的${formatPct(totalPct)}缴纳，其中${formatPct(accountPct)}记入个人账户`,
      '· 缴费基数可在当地社平工资的60%–300%之间选择',
    ];
    if (slots.contributionBase) {
      const r = flexiblePension({
        choice: { base: slots.contributionBase },
        band: { floor: slots.contributionBase, cap: slots.contributionBase },
        totalPct,
        accountPct,
      });
      own.value = r.total;
      const b = formatMoney(r.base);
      lines.push(
        `· 按基数${b}元：${b} × ${formatPct(totalPct)} = ${formatMoney(r.total.monthly)}元/月（全年${formatMoney(r.total.yearly)}元），其中${formatMoney(r.account.monthly)}元记入个人账户`,
        '（未提供城市，没有核对当地缴费基数上下限）',
      );
    } else {
      lines.push('告诉我你的城市（或当地社平工资）和想选的缴费基数，我可以算出具体金额。');
    }
    lines.push(citeSources(...cited), ...caveats(...cited));
    return lines.join('\n');
  }
  const lines = [`灵活就业人员养老保险每月缴费，按${placeName(slots)}${year}年标准估算：`];
  const flex = (choice: { base: string } | { pctOfAverage: number }) =>
    flexiblePension({
      choice:
        'pctOfAverage' in choice && band.averageWage !== undefined
          ? { ...choice, averageWage: band.averageWage }
          : choice,
      band: band.band,
      totalPct,
      accountPct,
    });
  const probe = flex({ base: '0' });
  lines.push(
    `· 缴费基数可选范围：${formatMoney(probe.floor)}–${formatMoney(probe.cap)}元（${band.origin}）`,
  );
  const line = (label: string, r: ReturnType<typeof flex>) => {
    const b = formatMoney(r.base);
    return `· ${label}：基数${b}元 × ${formatPct(totalPct)} = ${formatMoney(r.total.monthly)}元/月（全年${formatMoney(r.total.yearly)}元），其中${b} × ${formatPct(accountPct)} = ${formatMoney(r.account.monthly)}元记入个人账户`;
  };
  // what the person pays at the lowest choice shown below (the 60% tier, or the floor)
  own.value = (
    band.averageWage !== undefined && !slots.contributionBase
      ? flex({ pctOfAverage: 60 })
      : flex({ base: String(probe.floor) })
  ).total;
  own.note = '养老按最低档';
  if (slots.contributionBase) {
    const r = flex({ base: slots.contributionBase });
    own.value = r.total;
    delete own.note;
    if (r.adjustment === 'raised_to_floor') {
      lines.push(`· 你选的基数${formatMoney(r.chosenBase)}元低于下限，按下限计`);
    } else if (r.adjustment === 'cut_to_cap') {
      lines.push(`· 你选的基数${formatMoney(r.chosenBase)}元高于上限，按上限计`);
    }
    lines.push(line('你选的档', r));
  } else if (band.averageWage !== undefined) {
    lines.push(
      `· 你没说选哪一档，常见的三档（社平工资${formatMoney(band.averageWage)}元的60%、100%、300%）：`,
    );
    for (const pct of [60, 100, 300]) {
      lines.push(line(`${pct}%档`, flex({ pctOfAverage: pct })));
    }
  } else {
    lines.push('· 你没说选哪一档，按下限和上限分别是：');
    lines.push(line('最低档（下限）', flex({ base: String(probe.floor) })));
    lines.push(line('最高档（上限）', flex({ base: String(probe.cap) })));
  }
  lines.push('说明：灵活就业没有单位缴费，全部由个人缴纳；基数越高，将来养老金越多。');
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}

function resident(p: Policies, slots: Slots, year: number): string {
  const r = residentPension(p, regionCode(slots), year);
  const tiers = r.tiers?.value;
  const list = tiers?.amounts
    ? tiers.amounts.map((a) => formatMoney(a)).join('、')
    : tiers?.range
      ? `${formatMoney(tiers.range.min)}–${formatMoney(tiers.range.max)}`
      : undefined;
  return [
    '农民、学生等没有单位的城乡居民，一般参加城乡居民养老保险（按年缴费）：',
    list ? `· 缴费档次（元/年）：${list}，自选一档` : '· 缴费档次由当地规定，自选一档',
    r.subsidy
      ? `· 政府缴费补贴：最低档不少于${formatMoney(r.subsidy.value.lowestTierMin)}元/年，${formatMoney(r.subsidy.value.higherTierFrom)}元及以上档次不少于${formatMoney(r.subsidy.value.higherTierMin)}元/年`
      : '',
    '也可以按灵活就业人员身份参加职工养老保险（告诉我城市和想选的基数，我可以算）。',
    citeSources(r.tiers, r.subsidy),
    ...caveats(r.tiers, r.subsidy),
  ]
    .filter(Boolean)
    .join('\n');
}

/** How much pension insurance costs: employee (employer + individual) or flexible (20 %). */
export function pensionContribution(p: Policies, { slots, now, scheme }: CalcContext): CalcReply {
  const year = policyYear(slots, now);
  const kind = answerKind(slots, scheme, 'pension');
  const own: OwnCost = {};
  let text: string;
  try {
    text =
      kind === 'resident'
        ? resident(p, slots, year)
        : kind === 'flexible'
          ? flexible(p, slots, year, own)
          : kind === 'retiree'
            ? '已经退休并按月领取养老金的人，不再缴纳基本养老保险费。'
            : employee(p, slots, year, own);
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    text =
      '你提供的金额好像有问题（例如不是有效数字），请再说一下月收入或缴费基数，比如“月收入6000”。';
  }
  return {
    text,
    bureau: 'pension',
    ...(own.value ? { own: { ...own.value, ...(own.note ? { note: own.note } : {}) } } : {}),
  };
}
