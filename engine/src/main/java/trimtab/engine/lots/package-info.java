/**
 * Tax lots at sale time: which lots a sale relieves under the account's lot method (FIFO, LIFO, HIFO,
 * specific-ID, TAX_OPTIMAL), each lot's share of basis and proceeds to the cent, its gain or loss and its
 * term (long-term when sold after the anniversary of the acquisition date).
 */
package trimtab.engine.lots;
