import { describe, expect, it } from '@jest/globals';
import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalizedValidationError } from './messages.js';
import { createValidationPipe } from './validation.js';

class Line {
  @IsString() @MaxLength(8) name!: string;
}

class Request {
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z0-9]+$/, { message: 'projectCode must be upper-case letters and digits' })
  projectCode!: string;

  @IsOptional()
  @IsInt()
  @Min(1, { message: 'limit must be an integer from 1 to 500' })
  @Max(500, { message: 'limit must be an integer from 1 to 500' })
  limit?: number;

  @IsOptional() @IsIn(['in_use', 'disposed']) status?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => Line) lines?: Line[];
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Request };

/** The error the pipe answers `body` with, as the filter would see it. */
async function refusal(body: unknown): Promise<{ code: string; field: string | undefined; en: string; zh: string }> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (e) {
    if (!(e instanceof LocalizedValidationError)) throw e;
    return { code: e.code, field: e.field, en: e.texts.en, zh: e.texts['zh-CN'] };
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

describe('validation failures: one rule per field decides, in the order required, type, format, range', () => {
  it('a missing field is REQUIRED, not the length or pattern it also fails', async () => {
    expect(await refusal({})).toEqual({
      code: 'VALIDATION.REQUIRED',
      field: 'projectCode',
      en: 'projectCode is required',
      zh: '项目编码（projectCode）为必填项',
    });
  });

  it('a wrong type is TYPE, whatever else fails', async () => {
    expect(await refusal({ projectCode: 12 })).toMatchObject({ code: 'VALIDATION.TYPE', field: 'projectCode' });
  });

  it('a format failure comes before a range failure of the same field', async () => {
    const res = await refusal({ projectCode: 'x'.repeat(65) });
    expect(res).toMatchObject({
      code: 'VALIDATION.MATCHES',
      field: 'projectCode',
      en: 'projectCode must be upper-case letters and digits',
    });
    expect(res.zh).toBe('项目编码（projectCode）格式不正确');
  });

  it('each range rule its own code, and the zh-CN text says the bound the rule was declared with', async () => {
    expect(await refusal({ projectCode: 'A'.repeat(65) })).toEqual({
      code: 'VALIDATION.MAX_LENGTH',
      field: 'projectCode',
      en: 'projectCode must be shorter than or equal to 64 characters',
      zh: '项目编码（projectCode）不得超过 64 个字符',
    });
    expect(await refusal({ projectCode: 'A', limit: 501 })).toMatchObject({
      code: 'VALIDATION.MAX',
      field: 'limit',
      en: 'limit must be an integer from 1 to 500',
      zh: '每页条数（limit）不得大于 500',
    });
    expect(await refusal({ projectCode: 'A', limit: 0 })).toMatchObject({ code: 'VALIDATION.MIN', zh: '每页条数（limit）不得小于 1' });
    expect(await refusal({ projectCode: 'A', lines: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] })).toMatchObject({
      code: 'VALIDATION.ARRAY_MAX_SIZE',
      field: 'lines',
      zh: 'lines最多 2 项',
    });
  });

  it('an enumeration lists its values in both languages', async () => {
    const res = await refusal({ projectCode: 'A', status: 'lost' });
    expect(res).toMatchObject({ code: 'VALIDATION.IS_IN', field: 'status' });
    expect(res.en).toContain('in_use, disposed');
    expect(res.zh).toBe('状态（status）须为 in_use、disposed 之一');
  });

  it('a nested field is named by its path, with its own bound', async () => {
    expect(await refusal({ projectCode: 'A', lines: [{ name: 'x'.repeat(9) }] })).toMatchObject({
      code: 'VALIDATION.MAX_LENGTH',
      field: 'lines.0.name',
      zh: '名称（lines.0.name）不得超过 8 个字符',
    });
  });

  it('no zh-CN text of a failure carries the English sentence', async () => {
    for (const body of [
      { projectCode: 'A'.repeat(65) },
      { projectCode: 'a' },
      { projectCode: 'A', limit: 9999 },
      { projectCode: 'A', status: 'x' },
    ]) {
      expect((await refusal(body)).zh).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
    }
  });
});
