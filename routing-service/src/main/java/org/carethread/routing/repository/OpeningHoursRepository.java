package org.carethread.routing.repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.schemas.practice.OpeningHours;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** A location's weekly opening intervals and holidays. */
@ApplicationScoped
public class OpeningHoursRepository {

    public Uni<OpeningHours> of(Mutiny.Session session, String locationCode, ZoneId zone) {
        return session.createNativeQuery("select day_of_week, opens, closes from business_hours"
                + " where location_code = :location order by day_of_week, opens", Object[].class)
                .setParameter("location", locationCode)
                .getResultList()
                .chain(hours -> session.createNativeQuery("select day, name from holiday where location_code = :location"
                        + " order by day", Object[].class)
                        .setParameter("location", locationCode)
                        .getResultList()
                        .map(holidays -> {
                            Map<DayOfWeek, List<OpeningHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
                            for (Object[] row : hours) {
                                week.computeIfAbsent(DayOfWeek.of(((Number) row[0]).intValue()), d -> new ArrayList<>())
                                        .add(new OpeningHours.Interval(time(row[1]), time(row[2])));
                            }
                            Map<LocalDate, String> days = new LinkedHashMap<>();
                            for (Object[] row : holidays) {
                                days.put(date(row[0]), (String) row[1]);
                            }
                            return new OpeningHours(zone, week, days);
                        }));
    }

    /** Replaces the location's hours and holidays with these, in the caller's transaction. */
    public Uni<Void> replace(Mutiny.Session session, String locationCode, OpeningHours hours) {
        Uni<Integer> cleared = session.createNativeQuery("delete from business_hours where location_code = :location")
                .setParameter("location", locationCode).executeUpdate()
                .chain(() -> session.createNativeQuery("delete from holiday where location_code = :location")
                        .setParameter("location", locationCode).executeUpdate());
        Uni<?> chain = cleared;
        for (Map.Entry<DayOfWeek, List<OpeningHours.Interval>> day : hours.week().entrySet()) {
            for (OpeningHours.Interval interval : day.getValue()) {
                chain = chain.chain(() -> session.createNativeQuery("insert into business_hours"
                        + " (location_code, day_of_week, opens, closes) values (:location, :day, :opens, :closes)")
                        .setParameter("location", locationCode)
                        .setParameter("day", (short) day.getKey().getValue())
                        .setParameter("opens", interval.opens())
                        .setParameter("closes", interval.closes())
                        .executeUpdate());
            }
        }
        for (Map.Entry<LocalDate, String> holiday : hours.holidays().entrySet()) {
            chain = chain.chain(() -> session.createNativeQuery("insert into holiday (location_code, day, name)"
                    + " values (:location, :day, :name)")
                    .setParameter("location", locationCode)
                    .setParameter("day", holiday.getKey())
                    .setParameter("name", holiday.getValue())
                    .executeUpdate());
        }
        return chain.replaceWithVoid();
    }

    private static LocalTime time(Object value) {
        return value instanceof java.sql.Time sql ? sql.toLocalTime() : (LocalTime) value;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
