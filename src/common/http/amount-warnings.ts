import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { formatYuan, parseYuan } from '../money/money.js';
import { asIfWanYuan, looksLikeWanYuan } from '../money/scale-suspect.js';
import { type Language, languageOf } from './language.js';

const SCALE_CHECKED = Symbol('amount-scale-checked');

/** key → the class of its elements when the field holds objects (a list of categories). */
type Checked = Map<string, (() => Type<unknown>) | null>;

/**
 * Marks a money field (元) whose value is suspect when it looks typed in 万元; on a field
 * holding objects, `of` names their class, whose own marked fields are checked. Any route whose
 * body DTO carries the mark gets the warnings: nothing is registered per route.
 */
export function WarnsIfWanYuan(of?: () => Type<unknown>): PropertyDecorator {
  return (target, key) => {
    const owner = target.constructor as object;
    const checked: Checked = new Map(Reflect.getOwnMetadata(SCALE_CHECKED, owner) ?? Reflect.getMetadata(SCALE_CHECKED, owner) ?? []);
    checked.set(String(key), of ?? null);
    Reflect.defineMetadata(SCALE_CHECKED, checked, owner);
  };
}

export interface Warning {
  code: string;
  field: string;
  message: string;
}

function message(fen: bigint, language: Language): string {
  const yuan = formatYuan(fen);
  return language === 'en'
    ? `${yuan} 元 — amounts are in 元; ${yuan} 万元 would be ${asIfWanYuan(fen)}`
    : `${yuan} 元——金额以元为单位；${yuan} 万元应为 ${asIfWanYuan(fen)} 元`;
}

/** The warnings for `body` read as an instance of `dto`, with dotted field paths. */
export function amountWarnings(dto: Type<unknown> | undefined, body: unknown, language: Language, path: string[] = []): Warning[] {
  const checked: Checked | undefined = dto && Reflect.getMetadata(SCALE_CHECKED, dto);
  if (!checked || body === null || typeof body !== 'object') return [];
  const warnings: Warning[] = [];
  for (const [key, of] of checked) {
    const value = (body as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    if (of) {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : [['', value] as const];
      for (const [i, item] of entries) warnings.push(...amountWarnings(of(), item, language, [...path, key, ...(i ? [i] : [])]));
      continue;
    }
    let fen: bigint;
    try {
      fen = parseYuan(value, key);
    } catch {
      continue; // not money after all: the handler accepted it under its own rules
    }
    if (looksLikeWanYuan(fen))
      warnings.push({ code: 'AMOUNT_SCALE_SUSPECT', field: [...path, key].join('.'), message: message(fen, language) });
  }
  return warnings;
}

/**
 * Adds `warnings: [{ code, field, message }]` to a successful write's answer when a marked
 * money field looks typed in 万元. The request was accepted as sent; the warning only says so.
 */
@Injectable()
export class AmountWarningsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const dto = bodyDto(context);
    return next.handle().pipe(
      map((answer: unknown) => {
        if (!dto || answer === null || typeof answer !== 'object' || Array.isArray(answer)) return answer;
        const warnings = amountWarnings(dto, req.body, languageOf(req));
        return warnings.length > 0 ? { ...answer, warnings } : answer;
      }),
    );
  }
}

/** The class of the handler's @Body() parameter, if it has one. */
function bodyDto(context: ExecutionContext): Type<unknown> | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<
    string,
    { index: number }
  >;
  const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
  if (!entry) return undefined;
  const types = Reflect.getMetadata('design:paramtypes', context.getClass().prototype, context.getHandler().name) as
    Type<unknown>[] | undefined;
  return types?.[entry[1].index];
}
