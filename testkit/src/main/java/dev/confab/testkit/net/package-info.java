/** Network lab for tests: NAT routers, hosts with one or two uplinks, processes and JVMs in them, bridges to their ports, links to cut. */
package dev.confab.testkit.net;
