import { Injectable } from '@nestjs/common';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's date as the budget units keep their books: the calendar day in China (UTC+8), so a
 * disposal entered at 07:00 in Beijing is not "in the future" on a server running on UTC.
 * A provider, so tests can pin the day.
 */
@Injectable()
export class Clock {
  today(): string {
    return CHINA_DATE.format(new Date());
  }
}
