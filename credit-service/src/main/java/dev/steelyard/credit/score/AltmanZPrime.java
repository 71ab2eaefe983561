package dev.steelyard.credit.score;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Altman's Z' for private firms: 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5, with
 * X1 working capital / total assets, X2 retained earnings / total assets, X3 EBIT / total
 * assets, X4 book equity / total liabilities, X5 sales / total assets.
 */
public record AltmanZPrime(BigDecimal x1, BigDecimal x2, BigDecimal x3, BigDecimal x4, BigDecimal x5,
        BigDecimal z, Zone zone) {

    /** Safe above 2.90, grey 1.23 to 2.90, distress below 1.23. */
    public enum Zone {
        SAFE, GREY, DISTRESS;

        public String words() {
            return switch (this) {
                case SAFE -> "safe zone, above 2.90";
                case GREY -> "grey zone, 1.23 to 2.90";
                case DISTRESS -> "distress zone, below 1.23";
            };
        }
    }

    private static final MathContext RATIO = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal SAFE_ABOVE = new BigDecimal("2.90");
    private static final BigDecimal DISTRESS_BELOW = new BigDecimal("1.23");

    public static AltmanZPrime of(BigDecimal currentAssets, BigDecimal currentLiabilities, BigDecimal totalAssets,
            BigDecimal totalLiabilities, BigDecimal retainedEarnings, BigDecimal ebit, BigDecimal bookEquity,
            BigDecimal sales) {
        BigDecimal x1 = currentAssets.subtract(currentLiabilities).divide(totalAssets, RATIO);
        BigDecimal x2 = retainedEarnings.divide(totalAssets, RATIO);
        BigDecimal x3 = ebit.divide(totalAssets, RATIO);
        BigDecimal x4 = bookEquity.divide(totalLiabilities, RATIO);
        BigDecimal x5 = sales.divide(totalAssets, RATIO);
        BigDecimal z = new BigDecimal("0.717").multiply(x1).add(new BigDecimal("0.847").multiply(x2))
                .add(new BigDecimal("3.107").multiply(x3)).add(new BigDecimal("0.420").multiply(x4))
                .add(new BigDecimal("0.998").multiply(x5)).setScale(2, RoundingMode.HALF_UP);
        Zone zone = z.compareTo(SAFE_ABOVE) > 0 ? Zone.SAFE : z.compareTo(DISTRESS_BELOW) < 0 ? Zone.DISTRESS : Zone.GREY;
        return new AltmanZPrime(round(x1), round(x2), round(x3), round(x4), round(x5), z, zone);
    }

    /**
     * Financial strength on 0-100: linear through Z' 0 = 0, 1.23 = 40, 2.90 = 70, 4.50 = 100, so
     * the zone boundaries sit at fixed points of the scale.
     */
    public int strength() {
        double value = z.doubleValue();
        double points;
        if (value <= 0) {
            points = 0;
        } else if (value < 1.23) {
            points = value / 1.23 * 40;
        } else if (value <= 2.90) {
            points = 40 + (value - 1.23) / (2.90 - 1.23) * 30;
        } else if (value < 4.50) {
            points = 70 + (value - 2.90) / (4.50 - 2.90) * 30;
        } else {
            points = 100;
        }
        return BigDecimal.valueOf(points).setScale(0, RoundingMode.HALF_UP).intValue();
    }

    private static BigDecimal round(BigDecimal ratio) {
        return ratio.setScale(4, RoundingMode.HALF_UP);
    }
}
