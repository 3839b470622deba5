/**
 * Wash sales (IRC §1091, IRS Publication 550): a loss sale is disallowed when substantially identical
 * securities (the same wash-sale group) are bought within 30 days before or after it, in any account in
 * scope, IRAs included; a replacement bought in an IRA or Roth IRA loses the loss for good
 * (Rev. Rul. 2008-5). The ledger answers, for a proposed sale or purchase, whether it would create one.
 */
package trimtab.engine.washsale;
