package dev.tangent.core;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Display;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Operators;
import dev.tangent.spi.Range;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import dev.tangent.spi.ModuleBuilder;
import java.util.Collections;
import java.util.Map;

/** Methods of strings, lists, maps, tuples and ranges. */
final class CoreMethods {
  private CoreMethods() {}

  static void define(ModuleBuilder m) {
    strings(m);
    lists(m);
    maps(m);
    m.type(Tuple.class, Types.TUPLE)
        .method(Builtin.of("len(self)", "The number of items.", a -> (double) ((Tuple) a.get(0)).size()))
        .method(Builtin.of("list(self)", "The items as a new list.", a -> new TList(((Tuple) a.get(0)).list())));
    m.type(Range.class, Types.RANGE)
        .method(Builtin.of("list(self)", "The numbers as a list.", a -> Iteration.toList(a.get(0))))
        .method(Builtin.of("len(self)", "How many numbers.", a -> (double) ((Range) a.get(0)).length))
        .property(Builtin.of("start(self)", "The first number.", a -> ((Range) a.get(0)).start))
        .property(Builtin.of("stop(self)", "The end (excluded).", a -> ((Range) a.get(0)).end()))
        .property(Builtin.of("step(self)", "The step.", a -> ((Range) a.get(0)).step));
  }

  private static String s(Object v) { return (String) v; }

  private static void strings(ModuleBuilder m) {
    m.type(String.class, Types.STRING)
        .method(Builtin.of("len(self)", "The number of characters.", a -> (double) Iteration.length(a.get(0))))
        .method(Builtin.of("upper(self)", "Upper case.", a -> s(a.get(0)).toUpperCase()))
        .method(Builtin.of("lower(self)", "Lower case.", a -> s(a.get(0)).toLowerCase()))
        .method(Builtin.of("strip(self)", "Without leading and trailing white space.", a -> s(a.get(0)).strip()))
        .method(Builtin.of("lstrip(self)", "Without leading white space.", a -> s(a.get(0)).stripLeading()))
        .method(Builtin.of("rstrip(self)", "Without trailing white space.", a -> s(a.get(0)).stripTrailing()))
        .method(Builtin.of("split(self, sep=nil)", "Pieces between sep (white space when sep is nil).",
            a -> {
              String str = s(a.get(0));
              TList out = new TList();
              if (!a.present(1)) {
                for (String p : str.strip().split("\\s+")) if (!p.isEmpty()) out.items.add(p);
                return out;
              }
              String sep = a.str(1);
              if (sep.isEmpty()) throw TangentError.runtime("split(): empty separator");
              int from = 0;
              while (true) {
                int i = str.indexOf(sep, from);
                if (i < 0) break;
                out.items.add(str.substring(from, i));
                from = i + sep.length();
              }
              out.items.add(str.substring(from));
              return out;
            }))
        .method(Builtin.of("lines(self)", "The lines, without their line breaks.", a -> new TList(s(a.get(0)).lines().toList())))
        .method(Builtin.of("join(self, items)", "The items (as text) with this string between them: \", \".join(xs).",
            a -> {
              StringBuilder sb = new StringBuilder();
              boolean first = true;
              for (java.util.Iterator<Object> it = Iteration.iterator(a.get(1)); it.hasNext(); ) {
                if (!first) sb.append(s(a.get(0)));
                first = false;
                sb.append(Display.str(it.next()));
              }
              return sb.toString();
            }))
        .method(Builtin.of("replace(self, old, new)", "Every occurrence of old replaced by new.",
            a -> s(a.get(0)).replace(a.str(1), a.str(2))))
        .method(Builtin.of("starts_with(self, prefix)", "True if the string starts with prefix.", a -> s(a.get(0)).startsWith(a.str(1))))
        .method(Builtin.of("ends_with(self, suffix)", "True if the string ends with suffix.", a -> s(a.get(0)).endsWith(a.str(1))))
        .method(Builtin.of("contains(self, part)", "True if part occurs in the string.", a -> s(a.get(0)).contains(a.str(1))))
        .method(Builtin.of("find(self, part)", "Index of the first occurrence of part, or -1.",
            a -> {
              String str = s(a.get(0));
              int i = str.indexOf(a.str(1));
              return i < 0 ? -1.0 : (double) str.codePointCount(0, i);
            }))
        .method(Builtin.of("chars(self)", "The characters as a list of strings.", a -> Iteration.toList(a.get(0))))
        .method(Builtin.of("pad_left(self, width, fill=' ')", "Right-aligned in width characters.",
            a -> pad(s(a.get(0)), a.integer(1), a.str(2, " "), true)))
        .method(Builtin.of("pad_right(self, width, fill=' ')", "Left-aligned in width characters.",
            a -> pad(s(a.get(0)), a.integer(1), a.str(2, " "), false)));
  }

  private static String pad(String s, int width, String fill, boolean left) {
    if (fill.length() != 1) throw TangentError.runtime("fill must be one character");
    int n = width - s.length();
    if (n <= 0) return s;
    return left ? fill.repeat(n) + s : s + fill.repeat(n);
  }

  private static TList l(Object v) { return (TList) v; }

  private static void lists(ModuleBuilder m) {
    m.type(TList.class, Types.LIST)
        .method(Builtin.of("len(self)", "The number of items.", a -> (double) l(a.get(0)).size()))
        .method(Builtin.of("push(self, x)", "Appends x; returns the list.", a -> {
          l(a.get(0)).items.add(a.get(1));
          return a.get(0);
        }))
        .method(Builtin.of("append(self, x)", "Appends x (same as push); returns the list.", a -> {
          l(a.get(0)).items.add(a.get(1));
          return a.get(0);
        }))
        .method(Builtin.of("extend(self, xs)", "Appends every item of xs; returns the list.", a -> {
          l(a.get(0)).items.addAll(Iteration.toList(a.get(1)).items);
          return a.get(0);
        }))
        .method(Builtin.of("pop(self, index=-1)", "Removes and returns the item at index (the last by default).",
            a -> {
              TList list = l(a.get(0));
              if (list.size() == 0) throw TangentError.runtime("pop() from an empty list");
              return list.items.remove(Ints.index(a.get(1, -1.0), list.size(), "list"));
            }))
        .method(Builtin.of("insert(self, index, x)", "Inserts x before index.",
            a -> {
              TList list = l(a.get(0));
              int i = Ints.toInt(a.get(1), "index");
              if (i < 0) i += list.size();
              list.items.add(Math.max(0, Math.min(list.size(), i)), a.get(2));
              return a.get(0);
            }))
        .method(Builtin.of("remove(self, x)", "Removes the first item equal to x; an error if there is none.",
            a -> {
              TList list = l(a.get(0));
              for (int i = 0; i < list.size(); i++) {
                if (Operators.valueEquals(list.items.get(i), a.get(1))) {
                  list.items.remove(i);
                  return a.get(0);
                }
              }
              throw TangentError.runtime("remove(): " + Display.repr(a.get(1)) + " is not in the list");
            }))
        .method(Builtin.of("index(self, x)", "Index of the first item equal to x, or -1.",
            a -> {
              TList list = l(a.get(0));
              for (int i = 0; i < list.size(); i++) if (Operators.valueEquals(list.items.get(i), a.get(1))) return (double) i;
              return -1.0;
            }))
        .method(Builtin.of("contains(self, x)", "True if an item equals x.", a -> Operators.contains(a.get(0), a.get(1))))
        .method(Builtin.of("sort(self, key=nil, reverse=false)", "Sorts the list in place; returns it.",
            a -> {
              TList list = l(a.get(0));
              TList s = CollectionBuiltins.sorted(a, list, a.get(1), a.bool(2, false));
              list.items.clear();
              list.items.addAll(s.items);
              return list;
            }))
        .method(Builtin.of("reverse(self)", "Reverses the list in place; returns it.", a -> {
          Collections.reverse(l(a.get(0)).items);
          return a.get(0);
        }))
        .method(Builtin.of("clear(self)", "Removes every item; returns the list.", a -> {
          l(a.get(0)).items.clear();
          return a.get(0);
        }))
        .method(Builtin.of("copy(self)", "A shallow copy.", a -> new TList(l(a.get(0)).items)))
        .method(Builtin.of("map(self, f)", "A new list of f(x) for each item.", a -> {
          TList out = new TList();
          for (Object x : l(a.get(0)).items) out.items.add(a.call(a.callable(1), x));
          return out;
        }))
        .method(Builtin.of("filter(self, f)", "A new list of the items for which f is true.", a -> {
          TList out = new TList();
          for (Object x : l(a.get(0)).items) if (Boolean.TRUE.equals(a.call(a.callable(1), x))) out.items.add(x);
          return out;
        }));
  }

  private static TMap mp(Object v) { return (TMap) v; }

  private static void maps(ModuleBuilder m) {
    m.type(TMap.class, Types.MAP)
        .method(Builtin.of("len(self)", "The number of entries.", a -> (double) mp(a.get(0)).size()))
        .method(Builtin.of("keys(self)", "The keys, in insertion order.", a -> new TList(mp(a.get(0)).entries.keySet())))
        .method(Builtin.of("values(self)", "The values, in insertion order.", a -> new TList(mp(a.get(0)).entries.values())))
        .method(Builtin.of("items(self)", "(key, value) tuples, in insertion order.", a -> {
          TList out = new TList();
          for (Map.Entry<Object, Object> e : mp(a.get(0)).entries.entrySet()) out.items.add(new Tuple(e.getKey(), e.getValue()));
          return out;
        }))
        .method(Builtin.of("get(self, key, default=nil)", "The value for key, or default when absent.", a -> {
          TMap map = mp(a.get(0));
          return map.has(a.get(1)) ? map.get(a.get(1)) : a.get(2, Nil.NIL);
        }))
        .method(Builtin.of("has(self, key)", "True if key is present.", a -> mp(a.get(0)).has(a.get(1))))
        .method(Builtin.of("remove(self, key)", "Removes key and returns its value (nil if absent).", a -> {
          Object v = mp(a.get(0)).entries.remove(TMap.key(a.get(1)));
          return v == null ? Nil.NIL : v;
        }))
        .method(Builtin.of("copy(self)", "A shallow copy.", a -> new TMap(mp(a.get(0)).entries)))
        .method(Builtin.of("merge(self, other)", "A new map with the entries of both; other wins on shared keys.", a -> {
          TMap out = new TMap(mp(a.get(0)).entries);
          Object o = a.get(1);
          if (!(o instanceof TMap om)) throw a.typeError(1, "a Map");
          for (Map.Entry<Object, Object> e : om.entries.entrySet()) out.put(e.getKey(), e.getValue());
          return out;
        }));
  }
}
