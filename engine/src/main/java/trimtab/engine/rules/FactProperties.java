package trimtab.engine.rules;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The readable properties of a fact class (public no-argument getters {@code getX()} / {@code isX()}),
 * as rule conditions and message placeholders name them. Cached per class: facts are read on every firing.
 */
final class FactProperties {
    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> getters = new TreeMap<>();
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                        || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                String name = method.getName();
                if (name.startsWith("get") && name.length() > 3) {
                    getters.put(decapitalize(name.substring(3)), method);
                } else if (name.startsWith("is") && name.length() > 2
                        && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
                    getters.put(decapitalize(name.substring(2)), method);
                }
            }
            return Collections.unmodifiableMap(getters);
        }
    };

    private FactProperties() {
    }

    static Map<String, Method> of(Class<?> type) {
        return GETTERS.get(type);
    }

    /** True if rule code may call {@code name(...)} on the type, as in {@code distributionsWithinDays(10)}. */
    static boolean hasMethod(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /** The values of the named properties a fact has, in the order given. */
    static Map<String, Object> values(Object fact, Set<String> names) {
        return Selection.of(fact.getClass(), names).values(fact);
    }

    /** The getters of some named properties of one fact class, looked up once: a row reads the same fields of every fact it fires on. */
    static final class Selection {
        private final Class<?> type;
        private final String[] names;
        private final Method[] getters;

        private Selection(Class<?> type, String[] names, Method[] getters) {
            this.type = type;
            this.names = names;
            this.getters = getters;
        }

        /** The properties among {@code names} that the type has, in the order given. */
        static Selection of(Class<?> type, Set<String> names) {
            Map<String, Method> all = FactProperties.of(type);
            List<String> found = new ArrayList<>();
            List<Method> getters = new ArrayList<>();
            for (String name : names) {
                Method getter = all.get(name);
                if (getter != null) {
                    found.add(name);
                    getters.add(uncheckedCopy(type, getter));
                }
            }
            return new Selection(type, found.toArray(String[]::new), getters.toArray(Method[]::new));
        }

        Class<?> type() {
            return type;
        }

        /**
         * A copy of a public getter that skips the access check on each call, where the module system
         * allows it: access was settled when the getter was found, and explanations call it on every firing.
         */
        private static Method uncheckedCopy(Class<?> type, Method getter) {
            try {
                Method copy = type.getMethod(getter.getName());
                copy.trySetAccessible();
                return copy;
            } catch (NoSuchMethodException e) {
                return getter;
            }
        }

        /** The selected properties' values of a fact of the type, in order. */
        Map<String, Object> values(Object fact) {
            Map<String, Object> values = new LinkedHashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                values.put(names[i], read(fact, getters[i]));
            }
            return values;
        }
    }

    static Object read(Object fact, Method getter) {
        try {
            return getter.invoke(fact);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter.getName() + " of " + fact.getClass().getSimpleName(), e);
        }
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
