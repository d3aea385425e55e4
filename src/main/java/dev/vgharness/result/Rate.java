package dev.vgharness.result;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How fast a number changes, per second: the least-squares slope through every sample that has the number, not the
 * difference between the first and the last (one early or late sample hardly moves it):
 * {@code {"per_s": 31840.5, "samples": 14}}.
 *
 * @param perS the slope, or null with fewer than two samples (or all at the same time)
 * @param samples how many samples had the number
 */
public record Rate(Double perS, int samples) {

    /** One sample of the number: when (milliseconds) and what. */
    public record Point(long atMs, long value) {
    }

    /** The rate of one number over the samples that have it ({@code number} null: this sample has not). */
    public static <T> Rate over(List<T> samples, ToLongFunction<T> atMs, Function<T, Long> number) {
        List<Point> points = new ArrayList<>();
        for (T sample : samples) {
            Long value = number.apply(sample);
            if (value != null) {
                points.add(new Point(atMs.applyAsLong(sample), value));
            }
        }
        return of(points);
    }

    /** The least-squares slope of the points, per second. */
    public static Rate of(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            return new Rate(null, n);
        }
        double meanT = points.stream().mapToDouble(p -> p.atMs() / 1000.0).average().orElse(0);
        double meanY = points.stream().mapToDouble(Point::value).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Point p : points) {
            double dt = p.atMs() / 1000.0 - meanT;
            covariance += dt * (p.value() - meanY);
            variance += dt * dt;
        }
        return new Rate(variance == 0 ? null : covariance / variance, n);
    }

    /** The rate rounded to a whole number, for a comparison; null when unknown. */
    public Long rounded() {
        return perS == null ? null : Math.round(perS);
    }

    /** The change over {@code ms} at this rate, or 0 when unknown. */
    public double over(long ms) {
        return perS == null ? 0 : perS * ms / 1000.0;
    }
}
