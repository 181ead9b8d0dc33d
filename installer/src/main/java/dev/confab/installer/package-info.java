/** Build-time tools of the package build: stage the application's jars for one platform and stamp its version. */
package dev.confab.installer;
