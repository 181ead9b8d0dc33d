/** Network lab for tests: namespaces behind NAT routers, processes and JVMs inside them, links to cut and throttle. */
package dev.confab.testkit.net;
