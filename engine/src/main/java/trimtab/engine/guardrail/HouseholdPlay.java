package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trimtab.engine.book.Account;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Household;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.Security;
import trimtab.engine.book.TaxLot;
import trimtab.engine.washsale.WashSaleLedger;

/**
 * Plays one household's orders of a batch on its pre-batch state — sells first, in batch order, then
 * buys — and measures every order on the state after all of them: positions, cash, concentration,
 * allocation and wash sales. Only the positions and cash the orders touch are worked out again.
 *
 * <p>A batch spreads over many households, so a household rarely has more than a few orders in it: the
 * positions and accounts they move are kept in short lists searched in order, which costs far less than
 * the maps a large batch of one household would want. Sums are exact, so their order does not matter.
 * Accounts and securities are the book's own instances and are compared by identity (as records they
 * would compare every lot and tag).
 */
final class HouseholdPlay {
    /** An account the batch touches. */
    private static final class AccountMove {
        final Account account;
        final HouseholdBase.AccountBase base;
        /** Set once an order moved shares in the account: from then on a holding is read with its change added. */
        boolean sharesMoved;
        /** Sale proceeds less purchase costs; null until an order moves cash. */
        BigDecimal cashChange;

        AccountMove(Account account, HouseholdBase.AccountBase base) {
            this.account = account;
            this.base = base;
        }
    }

    /** A position the batch moves: one account's holding of one security. */
    private static final class Move {
        final AccountMove account;
        final Security security;
        final HouseholdBase.Standing standing;
        BigDecimal quantityChange;
        /** Shares already taken from its taxable lots by earlier sales of the batch; null: none. */
        BigDecimal relieved;

        Move(AccountMove account, Security security, HouseholdBase.Standing standing) {
            this.account = account;
            this.security = security;
            this.standing = standing;
        }

        BigDecimal baseQuantity() {
            return standing.position() == null ? BigDecimal.ZERO : standing.position().quantity();
        }

        BigDecimal baseValue() {
            return standing.position() == null ? BigDecimal.ZERO : standing.position().value();
        }

        List<TaxLot> lotsHighestCostFirst() {
            return standing.position() == null ? List.of() : standing.position().lotsHighestCostFirst();
        }
    }

    private final HouseholdBase base;
    private final Household household;
    private final List<OrderCheck> orders;
    private final List<AccountMove> accounts = new ArrayList<>(2);
    private final List<Move> moves = new ArrayList<>(4);

    /** @param orders the household's placed orders of the pass, in batch order */
    private HouseholdPlay(HouseholdBase base, Household household, List<OrderCheck> orders) {
        this.base = base;
        this.household = household;
        this.orders = orders;
    }

    static void play(HouseholdBase base, Household household, List<OrderCheck> orders, LocalDate today) {
        HouseholdPlay play = new HouseholdPlay(base, household, orders);
        play.sells();
        play.buys();
        play.measure();
        play.checkWashSales(today);
    }

    private void sells() {
        for (OrderCheck check : orders) {
            ReadOrder sell = check.order();
            if (sell.buy) {
                continue;
            }
            AccountMove account = accountMove(sell);
            Move move = move(account, sell.security);
            HouseholdBase.Standing standing = move != null ? move.standing : account.base.standing(sell.security);
            BigDecimal held = quantityAfter(account, move, standing);
            BigDecimal sold = sell.quantity.min(held.max(BigDecimal.ZERO));
            check.heldQuantity = held;
            check.shortBy = sell.quantity.subtract(sold);
            if (move == null) {
                move = newMove(account, sell.security, standing);
            }
            changeShares(account, move, sold.negate());
            BigDecimal proceeds = sold.multiply(sell.price).setScale(2, RoundingMode.HALF_EVEN);
            changeCash(account, proceeds);
            if (!sell.account.type().isTaxSheltered()) {
                BigDecimal already = move.relieved == null ? BigDecimal.ZERO : move.relieved;
                BigDecimal basis = highestCostBasis(move.lotsHighestCostFirst(), already, sold);
                move.relieved = already.add(sold);
                BigDecimal gain = proceeds.subtract(basis).setScale(2, RoundingMode.HALF_EVEN);
                check.estimatedLoss = gain.signum() < 0 ? gain.negate() : BigDecimal.ZERO;
            }
        }
    }

    private void buys() {
        for (OrderCheck check : orders) {
            ReadOrder buy = check.order();
            if (!buy.buy) {
                continue;
            }
            AccountMove account = accountMove(buy);
            Move move = move(account, buy.security);
            HouseholdBase.Standing standing = move != null ? move.standing : account.base.standing(buy.security);
            BigDecimal available = account.base.cash().add(account.cashChange == null ? BigDecimal.ZERO : account.cashChange);
            BigDecimal cost = buy.notional;
            check.heldQuantity = quantityAfter(account, move, standing);
            check.cashAvailable = available.max(BigDecimal.ZERO);
            check.overdraftBy = cost.subtract(available.max(BigDecimal.ZERO)).max(BigDecimal.ZERO).min(cost);
            changeCash(account, cost.negate());
            if (move == null) {
                move = newMove(account, buy.security, standing);
            }
            changeShares(account, move, buy.quantity);
        }
    }

    private AccountMove accountMove(ReadOrder order) {
        for (AccountMove move : accounts) {
            if (move.account == order.account) {
                return move;
            }
        }
        AccountMove move = new AccountMove(order.account, order.accountBase);
        accounts.add(move);
        return move;
    }

    /** The position's move so far, or null when no earlier order moved it. */
    private Move move(AccountMove account, Security security) {
        for (Move move : moves) {
            if (move.account == account && move.security == security) {
                return move;
            }
        }
        return null;
    }

    private Move newMove(AccountMove account, Security security, HouseholdBase.Standing standing) {
        Move move = new Move(account, security, standing);
        moves.add(move);
        return move;
    }

    private static void changeShares(AccountMove account, Move move, BigDecimal shares) {
        move.quantityChange = move.quantityChange == null ? shares : move.quantityChange.add(shares);
        account.sharesMoved = true;
    }

    private static void changeCash(AccountMove account, BigDecimal amount) {
        account.cashChange = account.cashChange == null ? amount : account.cashChange.add(amount);
    }

    /**
     * Shares held now: as before the batch, plus what earlier orders moved once any order of the batch
     * moved shares in the account (adding a zero change then is harmless and keeps the figures' scale
     * as they have always been reported).
     */
    private static BigDecimal quantityAfter(AccountMove account, Move move, HouseholdBase.Standing standing) {
        HouseholdBase.Position position = standing.position();
        BigDecimal held = position == null ? BigDecimal.ZERO : position.quantity();
        if (!account.sharesMoved) {
            return held;
        }
        return held.add(move == null ? BigDecimal.ZERO : move.quantityChange);
    }

    /** Basis of {@code quantity} shares taken from lots sorted highest cost first, after {@code skip} shares already taken. */
    private static BigDecimal highestCostBasis(List<TaxLot> sorted, BigDecimal skip, BigDecimal quantity) {
        BigDecimal toSkip = skip;
        BigDecimal remaining = quantity;
        BigDecimal basis = BigDecimal.ZERO;
        for (TaxLot lot : sorted) {
            BigDecimal available = lot.quantity();
            BigDecimal skipped = toSkip.min(available);
            toSkip = toSkip.subtract(skipped);
            available = available.subtract(skipped);
            BigDecimal take = remaining.min(available);
            if (take.signum() > 0) {
                basis = basis.add(lot.costBasis().multiply(take).divide(lot.quantity(), 10, RoundingMode.HALF_EVEN));
                remaining = remaining.subtract(take);
            }
        }
        return basis;
    }

    /**
     * Readies each order's weights, worked out only when a row reads them ({@link OrderCheck}): most rows
     * never look at most orders' weights (the concentration rows test the side and security type first), so
     * only the IPS bounds that concern the order are found here.
     */
    private void measure() {
        for (OrderCheck check : orders) {
            AssetClass assetClass = check.order().security.assetClass();
            for (IpsBound bound : household.ipsBounds()) {
                if (bound.assetClass().equals(assetClass)) {
                    check.ipsMin = bound.minPct();
                    check.ipsMax = bound.maxPct();
                    check.ipsBounded = true;
                }
            }
            check.play = this;
        }
    }

    /**
     * The household's figures after the batch, worked out on the first weight a row reads. Immutable: a
     * benchmark may read the same facts from two threads, and a race only repeats the work.
     *
     * @param valueAfter  each move's value after the batch, by its place in {@link #moves}
     * @param valueChange each move's change in value
     * @param cashChange  the cash all the household's orders move, or null when none
     */
    private record Totals(BigDecimal[] valueAfter, BigDecimal[] valueChange, BigDecimal householdTotal, BigDecimal cashChange) {
    }

    private volatile Totals totals;

    /** Values every moved position after the batch. */
    private Totals totals() {
        Totals t = totals;
        if (t != null) {
            return t;
        }
        BigDecimal[] valueAfter = new BigDecimal[moves.size()];
        BigDecimal[] valueChange = new BigDecimal[moves.size()];
        BigDecimal householdChange = null;
        for (int i = 0; i < moves.size(); i++) {
            Move move = moves.get(i);
            Security security = move.security;
            BigDecimal price = security.price() != null ? security.price() : lastOrderPrice(security);
            valueAfter[i] = HouseholdBase.valueOf(move.baseQuantity().add(move.quantityChange), price);
            valueChange[i] = valueAfter[i].subtract(move.baseValue());
            householdChange = plus(householdChange, valueChange[i]);
        }
        BigDecimal cashChange = null;
        for (AccountMove account : accounts) {
            cashChange = plus(cashChange, account.cashChange);
        }
        t = new Totals(valueAfter, valueChange, plus(plus(base.householdTotal, householdChange), cashChange), cashChange);
        totals = t;
        return t;
    }

    /** The weight of the order's asset class in the household after the batch (uninvested cash counts in CASH while positive). */
    Share classShare(OrderCheck check) {
        Totals t = totals();
        ReadOrder order = check.order();
        AssetClass assetClass = order.security.assetClass();
        HouseholdBase.Standing standing = move(accountMove(order), order.security).standing;
        BigDecimal classChange = assetClass.equals(AssetClass.CASH) ? t.cashChange() : null;
        for (int i = 0; i < moves.size(); i++) {
            if (moves.get(i).security.assetClass().equals(assetClass)) {
                classChange = plus(classChange, t.valueChange()[i]);
            }
        }
        return new Share(plus(standing.householdClassValue(), classChange).max(BigDecimal.ZERO), t.householdTotal());
    }

    /** The order's security and issuer weights in its account and household after the batch. */
    OrderCheck.Weights weights(OrderCheck check) {
        Totals t = totals();
        ReadOrder order = check.order();
        Security security = order.security;
        AccountMove account = accountMove(order);
        // every played order moved its own position (a sale of nothing moves it by zero)
        int own = moves.indexOf(move(account, security));
        HouseholdBase.Standing standing = moves.get(own).standing;
        String issuer = standing.issuer();
        // changes summed from the moves that concern the order; null for none (most households move one position)
        BigDecimal accountChange = account.cashChange;
        BigDecimal accountIssuerChange = null;
        BigDecimal symbolChange = null;
        BigDecimal issuerChange = null;
        for (int i = 0; i < moves.size(); i++) {
            Move move = moves.get(i);
            BigDecimal valueChange = t.valueChange()[i];
            boolean sameIssuer = move.standing.issuer().equals(issuer);
            if (move.account == account) {
                accountChange = plus(accountChange, valueChange);
                if (sameIssuer) {
                    accountIssuerChange = plus(accountIssuerChange, valueChange);
                }
            }
            if (move.security == security) {
                symbolChange = plus(symbolChange, valueChange);
            }
            if (sameIssuer) {
                issuerChange = plus(issuerChange, valueChange);
            }
        }
        BigDecimal accountTotal = plus(account.base.total(), accountChange);
        BigDecimal householdTotal = t.householdTotal();
        return new OrderCheck.Weights(
                new Share(t.valueAfter()[own], accountTotal),
                new Share(plus(standing.accountIssuerValue(), accountIssuerChange), accountTotal),
                new Share(plus(standing.householdSymbolValue(), symbolChange), householdTotal),
                new Share(plus(standing.householdIssuerValue(), issuerChange), householdTotal));
    }

    /**
     * How far the order leaves its asset class outside the household's IPS range, when it moves it the wrong
     * way; 0 otherwise (and when the household has no bound for the class).
     */
    BigDecimal ipsExcess(OrderCheck check) {
        ReadOrder order = check.order();
        AssetClass assetClass = order.security.assetClass();
        BigDecimal excess = BigDecimal.ZERO;
        for (IpsBound bound : household.ipsBounds()) {
            if (!bound.assetClass().equals(assetClass)) {
                continue;
            }
            BigDecimal weight = check.getClassPctOfHousehold();
            if (order.buy && weight.compareTo(bound.maxPct()) > 0) {
                excess = weight.subtract(bound.maxPct());
            } else if (!order.buy && weight.compareTo(bound.minPct()) < 0) {
                excess = bound.minPct().subtract(weight);
            }
        }
        return excess;
    }

    /**
     * {@code a + b}, null standing for nothing to add. These sums only feed weights, which are exact
     * quotients at a fixed scale, so skipping a zero changes no figure and saves a BigDecimal per term.
     */
    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return b == null ? a : a == null ? b : a.add(b);
    }

    /** An unpriced security is valued at the limit price of the household's last order of it in the batch. */
    private BigDecimal lastOrderPrice(Security security) {
        BigDecimal price = null;
        for (OrderCheck check : orders) {
            if (check.order().security.symbol().equals(security.symbol())) {
                price = check.order().price;
            }
        }
        return price;
    }

    private void checkWashSales(LocalDate today) {
        boolean buys = false;
        boolean lossSales = false;
        for (OrderCheck check : orders) {
            buys |= check.order().buy;
            lossSales |= !check.order().buy && check.estimatedLoss.signum() > 0;
        }
        // a wash sale pairs a purchase with a loss sale: with no recent trade and not both in the batch there is none
        if (base.recentWashSaleTrades.isEmpty() && !(buys && lossSales)) {
            return;
        }
        WashSaleLedger ledger = new WashSaleLedger();
        base.recentWashSaleTrades.forEach(ledger::add);
        for (OrderCheck check : orders) {
            ReadOrder order = check.order();
            if (order.buy || check.estimatedLoss.signum() > 0) {
                ledger.add(new WashSaleLedger.Entry(order.account.id(), order.account.type(), order.security.symbol().value(),
                        order.security.washSaleGroup(), order.buy, order.quantity, today,
                        order.buy ? Optional.empty() : Optional.of(check.estimatedLoss), true));
            }
        }
        for (OrderCheck check : orders) {
            ReadOrder order = check.order();
            Optional<WashSaleLedger.Conflict> conflict = order.buy
                    ? ledger.forPurchase(order.account.id(), order.account.type(), order.security.washSaleGroup(), today)
                    : check.estimatedLoss.signum() > 0
                    ? ledger.forLossSale(order.account.id(), order.security.washSaleGroup(), today)
                    : Optional.empty();
            conflict.ifPresent(c -> {
                check.washSaleDetail = c.detail();
                check.washSalePermanent = c.permanentLoss();
            });
        }
    }
}
