package org.staffpass.rules.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.internal.calc.Band;
import org.staffpass.rules.internal.calc.RateCalculator;
import org.staffpass.rules.internal.calc.RateParameters;
import org.staffpass.rules.internal.calc.ShiftTime;

/** A shift's elapsed time per pay band under a policy's time bands and bank holidays. */
public final class BandSplit {
    private static final Band[] CARD_ORDER = {Band.DAY, Band.EVENING, Band.NIGHT, Band.WEEKEND, Band.BANK_HOLIDAY};

    private BandSplit() {
    }

    /** The rate parameters a policy's vocabularies define: its band boundaries, Saturday and Sunday, its bank holidays. */
    public static RateParameters parameters(Policy policy) {
        Policy.TimeBands tb = policy.vocabularies().timeBands();
        return new RateParameters(tb.dayStarts(), tb.eveningStarts(), tb.nightStarts(),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), new HashSet<>(policy.vocabularies().bankHolidays()),
                RateParameters.DEFAULT_PRECEDENCE);
    }

    /** See {@link Policy#bandSplit(Shift)}. */
    public static Map<String, Duration> split(Policy policy, Shift shift) {
        EnumMap<Band, Duration> perBand = new EnumMap<>(Band.class);
        for (RateCalculator.Segment s : new RateCalculator(parameters(policy)).split(new ShiftTime(shift.start(), shift.end()))) {
            perBand.merge(s.band(), s.duration(), Duration::plus);
        }
        Map<String, Duration> out = new LinkedHashMap<>();
        for (Band band : CARD_ORDER) {
            Duration d = perBand.get(band);
            if (d != null) {
                out.put(cardMember(band), d);
            }
        }
        return out;
    }

    /** The rate card member a band is priced by. */
    static String cardMember(Band band) {
        switch (band) {
            case DAY:
                return "day";
            case EVENING:
                return "evening";
            case NIGHT:
                return "night";
            case WEEKEND:
                return "weekend";
            default:
                return "bankHoliday";
        }
    }
}
