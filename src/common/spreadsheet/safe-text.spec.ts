import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../errors/domain-error.js';
import { requireSafeCells, requireSafeDocument } from './safe-text.js';

const sheet = (...rows: string[][]) => rows.map((cells, i) => ({ number: i + 1, cells }));

function refusal(check: () => void): ValidationError {
  try {
    check();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('text of uploaded files follows the rules of JSON text fields', () => {
  it.each([
    ['a C0 control (ESC)', '碎纸\u001b机', 'a control character'],
    ['a C1 control (CSI)', '碎纸\u009b机', 'a control character'],
    ['NUL', '碎纸\u0000机', 'a control character'],
    ['a bidi override', '碎纸\u202e机', 'a bidirectional override character'],
    ['a lone surrogate', '碎纸\ud800机', 'a lone UTF-16 surrogate'],
  ])('a cell with %s is refused naming the file, its row and its column', (_, text, problem) => {
    const e = refusal(() => requireSafeCells(sheet(['项目编码', '采购物品名称'], ['P001', '台式计算机'], ['P001', text])));
    expect([e.code, e.field, e.details]).toEqual(['SHEET.UNSAFE_TEXT', 'file', { row: 3, column: '采购物品名称' }]);
    expect(e.message).toBe(`file: row 3, column 采购物品名称 contains ${problem}, which the register does not store`);
  });

  it('a header cell, or a cell beyond the header, is named by its position', () => {
    expect(refusal(() => requireSafeCells(sheet(['项目\u001b编码']))).details).toEqual({ row: 1, column: '#1' });
    expect(refusal(() => requireSafeCells(sheet(['项目编码'], ['P001', 'x\u202ay']))).details).toEqual({ row: 2, column: '#2' });
  });

  it('tab and line breaks in a cell are kept (Alt+Enter in Excel), as are blank rows', () => {
    expect(() => requireSafeCells(sheet(['名称', '备注'], [], ['碎纸机', '第一行\r\n第二行\t完']))).not.toThrow();
  });

  it('a document is refused naming the line; tabs, line breaks and form feeds belong in one', () => {
    expect(() => requireSafeDocument('一、收支总表\r\n\t合计\f\n')).not.toThrow();
    const e = refusal(() => requireSafeDocument('一、收支总表\n合计\n项目\u001b名称\n'));
    expect([e.code, e.field, e.details]).toEqual(['SHEET.UNSAFE_TEXT', 'file', { line: 3 }]);
  });
});
