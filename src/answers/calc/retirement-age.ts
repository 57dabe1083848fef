import type { RetirementAgeResult } from '../../calc/index.js';
import type { Policies } from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources } from './common.js';
import {
  ageZh,
  birthOf,
  groupsFor,
  GROUP_LABEL,
  monthZh,
  reformRules,
  retirementFor,
} from './retirement-common.js';

const INTRO =
  '依据全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2024年9月13日通过，2025年1月1日起施行）：';

/** '2026-11' for a date (as the calculator writes months). */
function yearMonth(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The flexible window as it stands today: someone already past the statutory age is told so,
 * and no part of the window that lies in the past is offered.
 */
function windowLine(r: RetirementAgeResult, now: string): string {
  const earliest = `最早${ageZh(r.earliest.years, r.earliest.months)}（${monthZh(r.earliest.month)}，需满最低缴费年限）`;
  const latest = `最晚${ageZh(r.latest.years, r.latest.months)}（${monthZh(r.latest.month)}，需单位同意）`;
  if (r.statutory.month > now) {
    return r.earliest.month > now
      ? `  弹性范围：${earliest}，${latest}`
      : `  弹性范围：已可申请弹性提前退休（满最低缴费年限），${latest}`;
  }
  const reached = `  已经到了法定退休年龄（${monthZh(r.statutory.month)}），满最低缴费年限的可以办理退休领取养老金`;
  return r.latest.month > now
    ? `${reached}；经单位同意还可推迟到${monthZh(r.latest.month)}`
    : `${reached}；弹性推迟的期限也已过`;
}

/** The statutory retirement age and month under the 2025 reform, and the flexible window. */
export function retirementAge(p: Policies, { slots, now }: CalcContext): CalcReply {
  const reform = reformRules(p);
  if (!reform) {
    return { text: '没有找到延迟退休的政策参数，暂时无法计算。', bureau: 'pension' };
  }
  const cite = [citeSources(...reform.entries, reform.reform.flexibleRetirement)];
  const notes = caveats(...reform.entries, reform.reform.flexibleRetirement);
  const groups = groupsFor(slots);
  const birth = birthOf(slots, now);
  const schedule = reform.entries.map((e) => {
    const g = e.value;
    return `· ${GROUP_LABEL[g.group]}：${g.oldAge}岁逐步延迟到${g.newAge}岁，${g.firstBirthMonth.replace('-', '年')}月起出生的人每${g.stepMonths}个月延迟1个月`;
  });
  const { rules } = reform;
  const flexLine = `· 弹性退休：满最低缴费年限后，最多可提前${rules.earlyMaxMonths / 12}年（但不低于原退休年龄），经单位同意最多可推迟${rules.lateMaxMonths / 12}年`;

  if (groups.length === 0 || !birth) {
    const need = [
      groups.length === 0 ? '性别（女性请说明是工人还是干部/管理岗）' : '',
      !birth ? '出生年月' : '',
    ]
      .filter(Boolean)
      .join('和');
    return {
      text: [
        INTRO,
        ...schedule,
        flexLine,
        `告诉我你的${need}，我可以算出你的具体退休年龄和退休时间。`,
        ...cite,
        ...notes,
      ].join('\n'),
      bureau: 'pension',
    };
  }

  const lines = [INTRO, ...birth.notes];
  if (slots.gender === 'female' && groups.length > 1) {
    lines.push('（你没说是工人还是干部/管理岗，两种都算给你看）');
  }
  for (const group of groups) {
    const rule = reform.rules.groups[group];
    lines.push(`${GROUP_LABEL[group]}（原${rule.oldAgeYears}岁，最终${rule.newAgeYears}岁）：`);
    for (const month of birth.months) {
      const r = retirementFor(rules, group, birth.year, month);
      if (!r) {
        lines.push(`· ${birth.year}年${month}月出生：无法计算`);
        continue;
      }
      const delay = r.delayMonths === 0 ? '不延迟' : `延迟${r.delayMonths}个月`;
      lines.push(
        `· ${birth.year}年${month}月出生：${delay}，法定退休年龄${ageZh(r.statutory.years, r.statutory.months)}，${monthZh(r.statutory.month)}退休`,
      );
      lines.push(windowLine(r, yearMonth(now)));
    }
  }
  lines.push(
    '计算方法：从本组首个延迟的出生月份起算，延迟月数 = 间隔月数 ÷ 步长（向下取整）+ 1，不超过上限；退休时间 = 出生月份 + 法定退休年龄。',
  );
  lines.push(...cite, ...notes);
  return { text: lines.join('\n'), bureau: 'pension' };
}
