package casebook.markdown;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block's model as the plain values a theme's template sees: a record becomes a map of its components
 * by name, a list a list, strings, numbers and booleans stay as they are, null becomes "". Templates
 * can reach no Java method of a model (the theme's FreeMarker wrapper exposes only plain values).
 */
final class BlockView {
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent c : components) {
                c.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private BlockView() {}

    static Map<String, Object> of(Record model) {
        RecordComponent[] components = COMPONENTS.get(model.getClass());
        Map<String, Object> view = new LinkedHashMap<>(components.length * 2);
        for (RecordComponent c : components) {
            try {
                view.put(c.getName(), value(c.getAccessor().invoke(model)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + c.getName() + " of " + model.getClass().getSimpleName(), e);
            }
        }
        return view;
    }

    private static Object value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(value(o));
            }
            return out;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        throw new IllegalArgumentException("a block model holds plain values, records and lists, not " + v.getClass());
    }
}
