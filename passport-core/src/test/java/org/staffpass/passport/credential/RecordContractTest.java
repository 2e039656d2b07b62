package org.staffpass.passport.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every credential record, nested ones included: a null argument is refused at once
 * (programmer error), collections are copied on the way in and cannot be changed afterwards.
 */
class RecordContractTest {

    /** The samples and every record reachable from them. */
    private static List<Record> allRecords() {
        List<Record> out = new ArrayList<>();
        for (Credential credential : Samples.all()) {
            collect((Record) credential, out);
        }
        return out;
    }

    private static void collect(Object value, List<Record> out) {
        if (value instanceof Record record && record.getClass().getPackageName().endsWith(".credential")) {
            out.add(record);
            for (Object component : components(record)) {
                collect(component, out);
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> collect(element, out));
        } else if (value instanceof java.util.Optional<?> optional) {
            optional.ifPresent(element -> collect(element, out));
        }
    }

    private static Object[] components(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

    private static Constructor<?> canonical(Class<?> type) throws NoSuchMethodException {
        Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types);
    }

    @Test
    void nullArgumentsAreRefused() throws Exception {
        List<Record> records = allRecords();
        assertTrue(records.size() >= 16, "samples reach the nested records too: " + records.size());
        for (Record record : records) {
            Constructor<?> constructor = canonical(record.getClass());
            Object[] values = components(record);
            for (int i = 0; i < values.length; i++) {
                if (constructor.getParameterTypes()[i].isPrimitive()) {
                    continue;
                }
                Object[] withNull = values.clone();
                withNull[i] = null;
                InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                        () -> constructor.newInstance(withNull), record.getClass().getSimpleName() + " arg " + i);
                assertTrue(thrown.getCause() instanceof NullPointerException, thrown.getCause().toString());
            }
            assertEquals(record, constructor.newInstance(values), "canonical constructor rebuilds an equal record");
        }
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() throws Exception {
        for (Record record : allRecords()) {
            Constructor<?> constructor = canonical(record.getClass());
            Object[] values = components(record);
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] instanceof Collection<?>)) {
                    continue;
                }
                Collection<Object> mutable = values[i] instanceof java.util.Set<?> ? new HashSet<>((Collection<?>) values[i])
                        : new ArrayList<>((Collection<?>) values[i]);
                Object[] args = values.clone();
                args[i] = mutable;
                Record copy = (Record) constructor.newInstance(args);
                mutable.clear();
                assertEquals(record, copy, record.getClass().getSimpleName() + ": the record kept its own copy");
                Collection<?> held = (Collection<?>) components(copy)[i];
                assertThrows(UnsupportedOperationException.class, held::clear, record.getClass().getSimpleName());
            }
        }
    }
}
