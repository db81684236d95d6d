namespace Zylisp.Compiler.Go.Tests;

/// <summary>Issue 11 (compile overhead): the runtime package kept once per content in a cache folder.</summary>
public class GoRuntimeCacheTests
{
    private static readonly GoModuleFile[] Runtime = [new("rt/a.go", "package rt\n\nfunc A() int { return 1 }\n"), new("rt/b.go", "package rt\n")];

    [Fact]
    public void The_build_time_hash_of_the_embedded_runtime_is_the_hash_of_its_files()
    {
        var embedded = GoModule.RuntimeFiles();

        Assert.True(embedded.Count > 10, "the runtime's files are embedded");
        Assert.Equal(GoRuntimeCache.Hash(embedded), GoRuntimeHash.Value[..32]);
    }

    [Fact]
    public void A_new_runtime_prunes_folders_of_runtimes_unused_for_two_weeks_and_dead_staging_folders()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        try
        {
            var goRt = Directory.CreateDirectory(Path.Combine(root, "go-rt")).FullName;
            string Folder(string name, TimeSpan age)
            {
                var path = Directory.CreateDirectory(Path.Combine(goRt, name)).FullName;
                File.WriteAllText(Path.Combine(path, "x.go"), "package rt\n");
                Directory.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
                return path;
            }

            var old = Folder(new string('a', 32), TimeSpan.FromDays(30));
            var recent = Folder(new string('b', 32), TimeSpan.FromDays(3));
            var deadStaging = Folder(new string('c', 32) + ".tmp-42-0123abcd", TimeSpan.FromHours(2));
            var liveStaging = Folder(new string('d', 32) + ".tmp-43-0123abcd", TimeSpan.FromMinutes(1));
            var foreign = Folder("notes", TimeSpan.FromDays(300));

            var folder = GoRuntimeCache.Ensure(Runtime, root);

            Assert.True(Directory.Exists(folder));
            Assert.False(Directory.Exists(old));
            Assert.False(Directory.Exists(deadStaging));
            Assert.True(Directory.Exists(recent));
            Assert.True(Directory.Exists(liveStaging));
            Assert.True(Directory.Exists(foreign));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Using_a_cached_runtime_marks_it_used_so_pruning_keeps_it()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        try
        {
            var folder = GoRuntimeCache.Ensure(Runtime, root)!;
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - TimeSpan.FromDays(30));

            Assert.Equal(folder, GoRuntimeCache.Ensure(Runtime, root));
            GoRuntimeCache.Prune(Path.GetDirectoryName(folder)!, "another", DateTime.UtcNow);

            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_embedded_runtime_is_written_once_to_its_folder()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        try
        {
            var folder = GoRuntimeCache.EnsureEmbedded(root);

            Assert.Equal(Path.Combine(root, "go-rt", GoRuntimeCache.Hash(GoModule.RuntimeFiles())), folder);
            Assert.All(GoModule.RuntimeFiles(), f => Assert.Equal(f.Text, File.ReadAllText(Path.Combine(folder!, Path.GetFileName(f.Path)))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_cache_holds_the_runtime_files_under_a_folder_named_by_their_content()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        try
        {
            var folder = GoRuntimeCache.Ensure(Runtime, root);

            Assert.Equal(Path.Combine(root, "go-rt", GoRuntimeCache.Hash(Runtime)), folder);
            Assert.Equal(Runtime[0].Text, File.ReadAllText(Path.Combine(folder!, "a.go")));
            Assert.Equal(Runtime[1].Text, File.ReadAllText(Path.Combine(folder!, "b.go")));
            Assert.Equal(folder, GoRuntimeCache.Ensure(Runtime, root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_changed_runtime_gets_a_folder_of_its_own()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        try
        {
            GoModuleFile[] changed = [Runtime[0] with { Text = "package rt\n\nfunc A() int { return 2 }\n" }, Runtime[1]];

            var first = GoRuntimeCache.Ensure(Runtime, root);
            var second = GoRuntimeCache.Ensure(changed, root);

            Assert.NotEqual(first, second);
            Assert.Contains("return 2", File.ReadAllText(Path.Combine(second!, "a.go")), StringComparison.Ordinal);
            Assert.Contains("return 1", File.ReadAllText(Path.Combine(first!, "a.go")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Concurrent_builds_all_get_the_complete_folder_and_leave_no_staging_folders()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        try
        {
            var folders = new string?[16];
            Parallel.For(0, folders.Length, i => folders[i] = GoRuntimeCache.Ensure(Runtime, root));

            Assert.All(folders, f => Assert.Equal(Path.Combine(root, "go-rt", GoRuntimeCache.Hash(Runtime)), f));
            Assert.Single(Directory.GetDirectories(Path.Combine(root, "go-rt")));
            Assert.Equal(2, Directory.GetFiles(folders[0]!).Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_module_links_rt_to_the_cache_and_the_link_deletes_without_touching_the_cache()
    {
        var root = Directory.CreateTempSubdirectory("zylisp-rt-cache").FullName;
        var module = Directory.CreateTempSubdirectory("zylisp-rt-module").FullName;
        try
        {
            Assert.True(GoRuntimeCache.TryLink(module, Runtime, root));
            Assert.Equal(Runtime[0].Text, File.ReadAllText(Path.Combine(module, "rt", "a.go")));

            File.Delete(Path.Combine(module, "rt"));

            Assert.False(Directory.Exists(Path.Combine(module, "rt")));
            Assert.True(File.Exists(Path.Combine(root, "go-rt", GoRuntimeCache.Hash(Runtime), "a.go")));
        }
        finally
        {
            Directory.Delete(module, recursive: true);
            Directory.Delete(root, recursive: true);
        }
    }
}
