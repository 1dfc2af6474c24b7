// A token bucket on virtual time: the documented "N requests per second" rates. Credit is kept
// in milliseconds of refill rather than fractional tokens, so integer clocks give exact answers.

export class TokenBucket {
  private readonly msPerToken: number;
  private readonly maxCredit: number;
  private credit: number;
  private refilledAt: number;

  constructor(capacity: number, tokensPerSecond: number, now: number) {
    this.msPerToken = 1000 / tokensPerSecond;
    this.maxCredit = capacity * this.msPerToken;
    this.credit = this.maxCredit;
    this.refilledAt = now;
  }

  /** Takes one token if there is one; false means the call is throttled (and costs nothing). */
  tryTake(now: number): boolean {
    this.credit = Math.min(this.maxCredit, this.credit + Math.max(0, now - this.refilledAt));
    this.refilledAt = Math.max(this.refilledAt, now);
    if (this.credit < this.msPerToken) return false;
    this.credit -= this.msPerToken;
    return true;
  }
}
