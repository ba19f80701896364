package dev.portdeck.tui.cli.probing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * POSIX signals for the long-running agent, through the JDK's sun.misc.Signal (module jdk.unsupported). Reached by
 * reflection so a JDK or platform without it (or without that signal) degrades to "not handled" instead of failing
 * to load. A handled SIGTERM/SIGINT replaces the JVM's own exit (status 143/130) with the command's clean one.
 */
final class ProcessSignals {

    private ProcessSignals() {
    }

    /** Runs {@code action} (on a JVM signal thread) each time signal {@code name} ("TERM", "INT", "HUP") arrives. */
    static boolean handle(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            InvocationHandler calls = (proxy, method, args) -> dispatch(proxy, method, args, action);
            Object handler = Proxy.newProxyInstance(ProcessSignals.class.getClassLoader(),
                    new Class<?>[] {handlerClass}, calls);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false; // no such class or signal here (or the JVM reserves it, as with -Xrs)
        }
    }

    private static Object dispatch(Object proxy, Method method, Object[] args, Runnable action) {
        switch (method.getName()) {
            case "handle" -> {
                action.run();
                return null;
            }
            case "equals" -> {
                return args != null && args.length == 1 && proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            default -> {
                return "portdeck signal handler";
            }
        }
    }
}
